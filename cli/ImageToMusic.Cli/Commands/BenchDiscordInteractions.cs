using System.Diagnostics;
using System.Text.Json;
using ImageToMusic.Bots.Discord;
using ImageToMusic.Bots.FollowUps;
using ImageToMusic.Server;
using ImageToMusic.Server.Endpoints;
using Microsoft.Extensions.DependencyInjection;
using StandIn = ImageToMusic.DiscordStandIn.DiscordStandIn;

namespace ImageToMusic.Cli.Commands;

/// <summary>
/// `bench discord` without --gateway: many signed /soundtrack interactions at once against the interactions endpoint
/// of the app in this process; the deferred responses are timed, then the webhook edits the follow-ups make are
/// waited for and counted.
/// </summary>
internal static class BenchDiscordInteractions
{
    public static async Task<bool> RunAsync(StandIn discord, string photoUrl, string catalog, int count, bool json, CancellationToken cancellation)
    {
        using var signer = new InteractionSigner();
        await using var bench = await BenchApp.StartAsync(catalog,
            new Dictionary<string, string> { [AppSettings.DiscordPublicKey] = signer.PublicKeyHex, [AppSettings.DiscordApiBase] = discord.ApiBase }, cancellation);
        var endpoint = new Uri(bench.BaseAddress, DiscordInteractionsEndpoint.Path).ToString();
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var pending = bench.App.Services.GetRequiredService<InProcessFollowUpQueue>();

        Console.Error.WriteLine("warming up with 10 interactions");
        await Send(client, signer, endpoint, photoUrl, 10);
        await pending.WhenIdleAsync();
        var editsBefore = WebhookEdits(discord);

        Console.Error.WriteLine($"{count} signed /soundtrack interactions at once");
        var wall = Stopwatch.StartNew();
        var (latencies, statuses) = await Send(client, signer, endpoint, photoUrl, count);
        var responded = wall.Elapsed.TotalSeconds;
        await pending.WhenIdleAsync();
        var replied = wall.Elapsed.TotalSeconds;
        var edits = WebhookEdits(discord) - editsBefore;

        var report = new
        {
            machine = Measurements.Machine(),
            interactions = count,
            initial_response = new
            {
                errors = statuses.Count(s => s != 200),
                p50_ms = Math.Round(Measurements.Percentile(latencies, 0.50), 1),
                p95_ms = Math.Round(Measurements.Percentile(latencies, 0.95), 1),
                p99_ms = Math.Round(Measurements.Percentile(latencies, 0.99), 1),
                all_answered_seconds = Math.Round(responded, 2),
            },
            replies = new { webhook_edits = edits, all_edited_seconds = Math.Round(replied, 2) },
        };
        if (json) Output.WriteJson(report);
        else
        {
            var r = report.initial_response;
            Console.WriteLine($"initial responses: p50 {r.p50_ms} ms, p95 {r.p95_ms} ms, p99 {r.p99_ms} ms; errors {r.errors}; all answered in {r.all_answered_seconds} s");
            Console.WriteLine($"replies: {edits} webhook edits, all done after {report.replies.all_edited_seconds} s");
        }
        return report.initial_response.errors == 0 && edits == count;
    }

    private static int WebhookEdits(StandIn discord) => discord.Calls.Count(c => c.Method == "PATCH" && c.Path.StartsWith("/api/v10/webhooks/", StringComparison.Ordinal));

    private static async Task<(double[] Latencies, int[] Statuses)> Send(HttpClient client, InteractionSigner signer, string endpoint, string photoUrl, int count)
    {
        var latencies = new double[count];
        var statuses = new int[count];
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            using var request = signer.Request(endpoint, JsonSerializer.Serialize(SlashCommand(i, photoUrl)));
            var start = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            statuses[i] = (int)response.StatusCode;
        }));
        return (latencies, statuses);
    }

    private static object SlashCommand(int i, string attachmentUrl) => new
    {
        type = 2, id = $"{9000 + i}", application_id = "bench-app", token = $"bench-token-{i}", guild_id = "bench-guild", channel_id = "bench-channel",
        member = new { user = new { id = $"user-{i}" } },
        data = new
        {
            name = DiscordCommands.Soundtrack, type = 1,
            options = new[] { new { name = DiscordCommands.ImageOption, type = 11, value = "att" } },
            resolved = new { attachments = new Dictionary<string, object> { ["att"] = new { id = "att", filename = "photo.jpg", size = 1000, url = attachmentUrl, content_type = "image/jpeg" } } },
        },
    };
}
