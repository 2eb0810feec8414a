namespace ImageToMusic.Bots.Teams;

/// <summary>A request refused before acting on it: 401 (not the Bot Connector), 403 (not for this activity), 400 (malformed).</summary>
public sealed class TeamsRejection(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static TeamsRejection Unauthorized(string message) => new(401, message);
    public static TeamsRejection Forbidden(string message) => new(403, message);
    public static TeamsRejection BadRequest(string message) => new(400, message);
}
