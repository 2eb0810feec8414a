using System.Text.Json;
using ImageToMusic.Bots.Discord.AutoReplies;
using ImageToMusic.Bots.FollowUps;
using ImageToMusic.Engine.AutoReplies;
using ImageToMusic.Server;
using ImageToMusic.Server.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StandIn = ImageToMusic.DiscordStandIn.DiscordStandIn;

namespace ImageToMusic.Cli.Commands;

/// <summary>
/// `bench discord --gateway`: `discord gateway` as one machine runs it (the real Gateway client, SQLite, the engine,
/// replies in process) while the stand-in dispatches MESSAGE_CREATE events with a photo, spread over switched-on
/// channels. Each reply is matched to its event by the message it references: the time from dispatch to the posted
/// reply, and how many events got none (lost) or more than one (duplicated).
/// </summary>
internal static class BenchDiscordGateway
{
    private const string Guild = "700000000000000001";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(30);

    /// <param name="perSecond">The pace of the events; 0: all at once.</param>
    public static async Task<bool> RunAsync(StandIn discord, string photoUrl, string catalog, int events, int channels, double perSecond, bool json,
        CancellationToken cancellation)
    {
        var (folder, settings) = await BenchApp.LocalStoreAsync(catalog, cancellation);
        try
        {
            settings[AppSettings.DiscordBotToken] = discord.Options.BotToken;
            settings[AppSettings.DiscordApiBase] = discord.ApiBase;
            using var host = await DiscordGatewayHost.BuildAsync(settings, cancellation: cancellation);
            await host.StartAsync(cancellation);
            await discord.WaitForLiveSessionAsync(TimeSpan.FromSeconds(30));
            var switches = host.Services.GetRequiredService<IAutoReplyStore>();
            var channelIds = Enumerable.Range(0, channels).Select(i => $"70000000000000{i:D4}").ToList();
            foreach (var channel in channelIds) await switches.SetAsync(new ChatChannel("discord", Guild, channel), true, DateTimeOffset.UtcNow, cancellation);
            var replies = host.Services.GetRequiredService<InProcessFollowUpQueue>();
            var listener = host.Services.GetRequiredService<PhotoPostListener>();

            Console.Error.WriteLine("warming up with 10 photos in a channel of their own");
            await switches.SetAsync(new ChatChannel("discord", Guild, "warm-up"), true, DateTimeOffset.UtcNow, cancellation);
            for (var i = 0; i < 10; i++) await DispatchAsync(discord, $"60000000000000{i:D4}", "warm-up", photoUrl);
            await discord.WaitUntilAsync(() => listener.Counts.Values.Sum() >= 10, Patience, "the warm-up events");
            await replies.WhenIdleAsync();

            Console.Error.WriteLine($"{events} MESSAGE_CREATE events with a photo over {channels} channels, {(perSecond > 0 ? $"{perSecond} a second" : "all at once")}");
            var dispatchedAt = new Dictionary<string, DateTimeOffset>();
            var start = DateTimeOffset.UtcNow;
            for (var i = 0; i < events; i++)
            {
                if (perSecond > 0 && start + TimeSpan.FromSeconds(i / perSecond) - DateTimeOffset.UtcNow is { Ticks: > 0 } wait) await Task.Delay(wait, cancellation);
                var id = $"50000000000{i:D7}";
                dispatchedAt[id] = DateTimeOffset.UtcNow;
                await DispatchAsync(discord, id, channelIds[i % channels], photoUrl);
                if ((i + 1) % 100 == 0) Console.Error.WriteLine($"  dispatched {i + 1}/{events}; messages posted so far {discord.Messages.Count}");
            }
            await discord.WaitUntilAsync(() => listener.Counts.Values.Sum() >= 10 + events, Patience, "every event handled");
            await replies.WhenIdleAsync();

            var posted = Replies(discord, dispatchedAt);
            var replied = posted.Count == 0 ? 0 : posted.Count / (posted.Max(r => r.At) - dispatchedAt.Values.Min()).TotalSeconds;
            var latencies = posted.GroupBy(r => r.MessageId).Select(g => (g.Min(r => r.At) - dispatchedAt[g.Key]).TotalMilliseconds).ToArray();
            var first = dispatchedAt.Values.Min();
            var lastReply = posted.Count == 0 ? first : posted.Max(r => r.At);
            var report = new
            {
                machine = Measurements.Machine(),
                events,
                channels,
                per_second = perSecond,
                replies_posted = posted.Count,
                lost = dispatchedAt.Keys.Count(id => posted.All(r => r.MessageId != id)),
                duplicated = posted.GroupBy(r => r.MessageId).Sum(g => g.Count() - 1),
                skipped = listener.Counts.Where(c => c.Key is PhotoPostOutcome.Throttled or PhotoPostOutcome.Duplicate).Sum(c => c.Value),
                event_to_reply = new
                {
                    p50_ms = Math.Round(Measurements.Percentile(latencies, 0.50), 1),
                    p99_ms = Math.Round(Measurements.Percentile(latencies, 0.99), 1),
                    max_ms = Math.Round(latencies.DefaultIfEmpty().Max(), 1),
                },
                all_replied_seconds = Math.Round((lastReply - first).TotalSeconds, 2),
                replies_per_second = Math.Round(replied, 1),
            };
            if (json) Output.WriteJson(report);
            else
            {
                Console.WriteLine($"replies: {report.replies_posted} for {events} events; lost {report.lost}, duplicated {report.duplicated}, skipped {report.skipped}");
                Console.WriteLine($"event to reply: p50 {report.event_to_reply.p50_ms} ms, p99 {report.event_to_reply.p99_ms} ms, max {report.event_to_reply.max_ms} ms; all replied after {report.all_replied_seconds} s ({report.replies_per_second} a second)");
            }
            await host.StopAsync(CancellationToken.None);
            return report.lost == 0 && report.duplicated == 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Task DispatchAsync(StandIn discord, string id, string channel, string photoUrl) => discord.DispatchAsync("MESSAGE_CREATE", new
    {
        id, channel_id = channel, guild_id = Guild, type = 0, content = "",
        author = new { id = "700000000000009999", username = "photographer" },
        attachments = new[] { new { id = $"{id}1", filename = "photo.jpg", size = 100_000, url = photoUrl, content_type = "image/jpeg" } },
    });

    /// <summary>Every reply POST the stand-in received for one of these events (its message_reference), with when it was received.</summary>
    private static List<(string MessageId, DateTimeOffset At)> Replies(StandIn discord, IReadOnlyDictionary<string, DateTimeOffset> events) =>
    [
        .. discord.Calls.Where(c => c.Method == "POST" && c.Path.StartsWith("/api/v10/channels/", StringComparison.Ordinal))
            .Select(c => (Id: JsonDocument.Parse(c.Body).RootElement.GetProperty("message_reference").GetProperty("message_id").GetString()!, c.At))
            .Where(r => events.ContainsKey(r.Id)),
    ];
}
