using ImageToMusic.Engine.Fetching;

namespace ImageToMusic.Bots.Discord;

/// <summary>
/// Where the bot's settings end up: the key interactions are checked with, where Discord's API is, and the bot token
/// that posts auto-replies and connects to the Gateway.
/// </summary>
/// <param name="PublicKey">Null: no interactions endpoint (a process that only runs the gateway).</param>
/// <param name="BotToken">Null: no auto-replies can be posted (only interaction follow-ups, which their own token authorises).</param>
public sealed record DiscordOptions(string? PublicKey, string ApiBase = DiscordSettings.DefaultApiBase, string? BotToken = null)
{
    /// <summary>Discord's attachment CDN: the only hosts an attachment URL may name (https).</summary>
    public static readonly IReadOnlyList<string> CdnHosts = ["cdn.discordapp.com", "media.discordapp.net"];

    /// <summary>
    /// What an attachment download may fetch: https from Discord's CDN; or, with a stand-in Discord (tests, local
    /// runs: <see cref="ApiBase"/> changed), from the stand-in's own host, over http too if it speaks http.
    /// </summary>
    public FetchPolicy AttachmentPolicy => StandIn is { } standIn
        ? new FetchPolicy { AllowedHosts = [standIn.Host], AllowPlainHttp = standIn.Scheme == Uri.UriSchemeHttp }
        : new FetchPolicy { AllowedHosts = CdnHosts };

    /// <summary>A stand-in Discord on this machine, whose attachments are fetched from loopback.</summary>
    public bool AttachmentsFromLoopback => StandIn is { IsLoopback: true };

    private Uri? StandIn => ApiBase != DiscordSettings.DefaultApiBase && Uri.TryCreate(ApiBase, UriKind.Absolute, out var uri) ? uri : null;

    /// <summary>Null when neither <see cref="DiscordSettings.PublicKey"/> nor <see cref="DiscordSettings.BotToken"/> is set: the bot is off.</summary>
    public static DiscordOptions? From(Func<string, string?> setting) =>
        (setting(DiscordSettings.PublicKey), setting(DiscordSettings.BotToken)) is var (key, token) && (key is not null || token is not null)
            ? new DiscordOptions(key, setting(DiscordSettings.ApiBase) ?? DiscordSettings.DefaultApiBase, token)
            : null;
}
