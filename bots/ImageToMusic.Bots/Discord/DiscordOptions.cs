using ImageToMusic.Engine.Fetching;

namespace ImageToMusic.Bots.Discord;

/// <summary>Where the bot's settings end up: the key requests are checked with and where Discord's API is.</summary>
public sealed record DiscordOptions(string PublicKey, string ApiBase = DiscordSettings.DefaultApiBase)
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

    /// <summary>Null when <see cref="DiscordSettings.PublicKey"/> is unset: the bot is off.</summary>
    public static DiscordOptions? From(Func<string, string?> setting) =>
        setting(DiscordSettings.PublicKey) is { Length: > 0 } key
            ? new DiscordOptions(key, setting(DiscordSettings.ApiBase) is { Length: > 0 } api ? api : DiscordSettings.DefaultApiBase)
            : null;
}
