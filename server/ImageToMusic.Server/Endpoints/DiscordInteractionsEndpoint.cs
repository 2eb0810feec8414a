using ImageToMusic.Server.Composition;
using ImageToMusic.Bots.Discord;
using ImageToMusic.Server.Hosting;

namespace ImageToMusic.Server.Endpoints;

/// <summary>
/// POST /api/discord/interactions: Discord's Interactions Endpoint URL. Anonymous at the host and exempt from the
/// API key (Discord cannot send one): every request is authenticated by its Ed25519 signature instead.
/// </summary>
public static class DiscordInteractionsEndpoint
{
    public const string Path = "/" + Routes.DiscordInteractions;

    /// <summary>Interactions are a few kilobytes; anything far larger is not from Discord.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    public static async Task<IResult> Handle(HttpRequest request, BotDoors bots, CancellationToken cancellation)
    {
        var interactions = bots.Discord
                           ?? throw new ApiProblem(StatusCodes.Status503ServiceUnavailable, "Discord bot not configured", $"Set {AppSettings.DiscordPublicKey} to the application's public key.");
        BodyLimit.Cap(request, MaxBodyBytes, "An interaction");
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellation);
        try
        {
            var response = await interactions.HandleAsync(request.Headers[DiscordSignature.SignatureHeader], request.Headers[DiscordSignature.TimestampHeader], buffer.ToArray(),
                cancellation);
            return Results.Json(response, DiscordJson.Options);
        }
        catch (DiscordRequestException e)
        {
            throw new ApiProblem(e.Status, e.Status == StatusCodes.Status401Unauthorized ? "Unauthorized" : "The request is malformed", e.Message);
        }
    }
}
