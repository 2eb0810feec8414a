using ImageToMusic.Server.Composition;
using ImageToMusic.Bots.Teams;
using ImageToMusic.Server.Hosting;

namespace ImageToMusic.Server.Endpoints;

/// <summary>POST /api/messages: activities from the Bot Connector for the Teams bot (authenticated by their JWT, not the API key).</summary>
public static class TeamsMessagesEndpoint
{
    /// <summary>Activities are a few kilobytes (images come as URLs, not inline); anything far larger is not from Teams.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    public static async Task<IResult> Handle(HttpRequest request, BotDoors bots, CancellationToken cancellation)
    {
        if (bots.Teams is not { } handler)
            return new ApiProblem(StatusCodes.Status503ServiceUnavailable, "No Teams bot", $"Set {AppSettings.TeamsAppId} to run the Teams bot.").ToResult();
        BodyLimit.Cap(request, MaxBodyBytes, "An activity");
        try
        {
            var result = await handler.HandleAsync(request.Headers.Authorization.FirstOrDefault(), request.Body, cancellation);
            return result.Body is null ? Results.StatusCode(result.Status) : Results.Json(result.Body, BotJson.Options, statusCode: result.Status);
        }
        catch (TeamsRejection e)
        {
            return new ApiProblem(e.Status, e.Status switch { 401 => "Unauthorized", 403 => "Forbidden", 400 => "The request is malformed", _ => "Not handled" }, e.Message).ToResult();
        }
    }
}
