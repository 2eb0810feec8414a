using ImageToMusic.Engine;
using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Storage;
using Microsoft.Extensions.Logging;

namespace ImageToMusic.Bots.Discord;

/// <summary>Where the bot's settings end up: the key requests are checked with and where Discord's API is.</summary>
public sealed record DiscordOptions(string PublicKey, string ApiBase = DiscordSettings.DefaultApiBase)
{
    /// <summary>Null when <see cref="DiscordSettings.PublicKey"/> is unset: the bot is off.</summary>
    public static DiscordOptions? From(Func<string, string?> setting) =>
        setting(DiscordSettings.PublicKey) is { Length: > 0 } key
            ? new DiscordOptions(key, setting(DiscordSettings.ApiBase) is { Length: > 0 } api ? api : DiscordSettings.DefaultApiBase)
            : null;
}

/// <summary>Wires the interaction handlers onto the engine and stores.</summary>
public static class DiscordBot
{
    public static DiscordInteractions Create(DiscordOptions options, Recommender recommender, IAnalysisStore analyses, IFeedbackStore feedback,
        string userSalt, PendingWork work, HttpClient http, ILoggerFactory logs, TimeProvider clock) =>
        new(new DiscordSignature(options.PublicKey, clock),
            new SoundtrackCommand(recommender, new AttachmentDownload(http, recommender.Analyzer.Limits), new DiscordApi(http, options.ApiBase, clock: clock), work,
                logs.CreateLogger<SoundtrackCommand>()),
            new FeedbackClick(analyses, feedback, userSalt, clock),
            logs.CreateLogger<DiscordInteractions>());
}
