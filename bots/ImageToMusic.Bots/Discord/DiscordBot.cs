using ImageToMusic.Engine;
using ImageToMusic.Engine.Fetching;
using ImageToMusic.Engine.Feedback;
using Microsoft.Extensions.Logging;

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

/// <summary>Wires the bot's two halves onto the engine: the interactions door, and the replies its follow-ups make.</summary>
public static class DiscordBot
{
    public static DiscordInteractions Interactions(DiscordOptions options, FeedbackService votes, ISoundtrackQueue followUps, ILoggerFactory logs, TimeProvider clock) =>
        new(new DiscordSignature(options.PublicKey, clock), new SoundtrackCommand(followUps), new FeedbackClick(votes), logs.CreateLogger<DiscordInteractions>());

    /// <param name="http">For Discord's API.</param>
    /// <param name="attachments">For attachment downloads: a client on <see cref="SafeFetcher.CreateHandler(Func{string, CancellationToken, Task{System.Net.IPAddress[]}}?, bool)"/>'s handler.</param>
    public static SoundtrackReplies Replies(DiscordOptions options, Recommender recommender, HttpClient http, HttpClient attachments, ILoggerFactory logs, TimeProvider clock) =>
        new(recommender, new AttachmentDownload(new SafeFetcher(attachments), options.AttachmentPolicy, recommender.Analyzer.Limits),
            new DiscordApi(http, options.ApiBase, clock: clock), logs.CreateLogger<SoundtrackReplies>());
}
