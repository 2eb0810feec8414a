using System.CommandLine;
using ImageToMusic.Bots.Discord;
using ImageToMusic.DiscordStandIn;

namespace ImageToMusic.Cli.Commands;

/// <summary>
/// `bench discord`: the Discord bot under load on loopback, with the Discord stand-in playing Discord (REST, the
/// attachment CDN and, with --gateway, the Gateway). Without --gateway: signed /soundtrack interactions at once,
/// measuring the initial response Discord must get within 3 s (<see cref="BenchDiscordInteractions"/>). With
/// --gateway: photos posted in switched-on channels, measuring the time from the event to the posted reply
/// (<see cref="BenchDiscordGateway"/>). The replies are real work (download, analysis, ranking) and are counted.
/// </summary>
internal static class BenchDiscordCommand
{
    public static Command Create()
    {
        var photo = new Option<FileInfo>("--photo") { Description = "The photo each interaction or post attaches (e.g. an Emotion6 JPEG).", Required = true };
        var concurrent = new Option<int>("--interactions") { Description = "Interactions sent at once (interactions mode).", DefaultValueFactory = _ => 100 };
        var gateway = new Option<bool>("--gateway") { Description = "Measure auto-replies: MESSAGE_CREATE events with a photo through the Gateway instead of interactions." };
        var events = new Option<int>("--events") { Description = "MESSAGE_CREATE events to dispatch (gateway mode).", DefaultValueFactory = _ => 1000 };
        var channels = new Option<int>("--channels")
        {
            Description = "Switched-on channels the events are spread over (gateway mode); with 10 events or fewer per channel none is throttled.",
            DefaultValueFactory = _ => 100,
        };
        var perSecond = new Option<double>("--per-second")
        {
            Description = "Dispatch the events at this pace (gateway mode); 0 sends them all at once, a burst that measures the backlog.",
            DefaultValueFactory = _ => 0,
        };
        var json = CommonOptions.Json();
        var command = new Command("discord",
            "Measure the Discord bot on loopback: interaction initial-response latency (p50/p95/p99), or with --gateway the time from a posted photo to its reply.")
            { photo, concurrent, gateway, events, channels, perSecond, json };
        command.SetAction((result, cancellation) => Failures.Guard(async () =>
        {
            var bytes = await File.ReadAllBytesAsync(result.GetValue(photo)!.FullName, cancellation);
            var catalog = Path.Combine(Environment.GetEnvironmentVariable(CommonOptions.DataEnvironmentVariable)
                ?? throw new ArgumentException($"Set {CommonOptions.DataEnvironmentVariable} to the shared data folder."), "catalog", "spotify_songs_9961.csv");
            await using var discord = await DiscordStandIn.DiscordStandIn.StartAsync();
            var photoUrl = discord.Attach("photo.jpg", bytes);
            var ok = result.GetValue(gateway)
                ? await BenchDiscordGateway.RunAsync(discord, photoUrl, catalog, Positive(result.GetValue(events), "--events"), Positive(result.GetValue(channels), "--channels"),
                    result.GetValue(perSecond) >= 0 ? result.GetValue(perSecond) : throw new ArgumentException("--per-second cannot be negative."), result.GetValue(json), cancellation)
                : await BenchDiscordInteractions.RunAsync(discord, photoUrl, catalog, Positive(result.GetValue(concurrent), "--interactions"), result.GetValue(json), cancellation);
            return ok ? 0 : 1;
        }));
        return command;
    }

    private static int Positive(int value, string option) => value > 0 ? value : throw new ArgumentException($"{option} must be at least 1.");
}
