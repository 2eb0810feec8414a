using System.Text.Json;

namespace ImageToMusic.Bots.Teams;

/// <summary>
/// POST /api/messages from the Bot Connector: authenticate the token before reading the body, then check the token
/// was issued for this activity's service and channel, and only then act. Refusals are <see cref="TeamsRejection"/>s.
/// </summary>
public sealed class TeamsMessageHandler(BotConnectorAuthenticator authenticator, TeamsBot bot)
{
    public async Task<TeamsResult> HandleAsync(string? authorization, Stream body, CancellationToken cancellation)
    {
        var caller = await authenticator.AuthenticateAsync(authorization, cancellation);
        Activity activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(body, BotJson.Options, cancellation)
                       ?? throw TeamsRejection.BadRequest("The body is JSON null; expected an activity.");
        }
        catch (JsonException e)
        {
            throw TeamsRejection.BadRequest($"The body is not a valid activity: {e.Message}");
        }
        caller.Authorize(activity);
        return await bot.HandleAsync(activity, cancellation);
    }
}
