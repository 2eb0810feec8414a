using ImageToMusic.Bots.FollowUps;
using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ImageToMusic.Bots.Discord;
using ImageToMusic.Server;
using ImageToMusic.Server.Endpoints;
using Microsoft.Extensions.DependencyInjection;

namespace ImageToMusic.Cli.Commands;

/// <summary>
/// `bench discord`: the interactions endpoint's initial response (the deferred "thinking…" Discord must get
/// within 3 s) under many signed /soundtrack interactions at once, on loopback. The app runs in this process;
/// a stand-in for Discord on 127.0.0.1 serves the photo as the attachment and accepts the webhook edits, so
/// the background replies are real work and are waited for and counted too.
/// </summary>
internal static class BenchDiscordCommand
{
    public static Command Create()
    {
        var photo = new Option<FileInfo>("--photo") { Description = "The photo each interaction attaches (e.g. an Emotion6 JPEG).", Required = true };
        var concurrent = new Option<int>("--interactions") { Description = "Interactions sent at once.", DefaultValueFactory = _ => 100 };
        var json = CommonOptions.Json();
        var command = new Command("discord", "Measure the Discord interactions endpoint's initial-response latency (p50/p95/p99) under concurrent signed /soundtrack interactions.")
            { photo, concurrent, json };
        command.SetAction((result, cancellation) => Failures.Guard(async () =>
        {
            var bytes = await File.ReadAllBytesAsync(result.GetValue(photo)!.FullName, cancellation);
            var count = result.GetValue(concurrent);
            await using var discord = StandIn.Start(bytes);
            using var signer = new InteractionSigner();
            var catalog = Path.Combine(Environment.GetEnvironmentVariable(CommonOptions.DataEnvironmentVariable)
                ?? throw new ArgumentException($"Set {CommonOptions.DataEnvironmentVariable} to the shared data folder."), "catalog", "spotify_songs_9961.csv");
            await using var bench = await BenchApp.StartAsync(catalog,
                new Dictionary<string, string> { [AppSettings.DiscordPublicKey] = signer.PublicKeyHex, [AppSettings.DiscordApiBase] = discord.ApiBase }, cancellation);
            var endpoint = new Uri(bench.BaseAddress, DiscordInteractionsEndpoint.Path).ToString();
            using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
            var pending = bench.App.Services.GetRequiredService<InProcessFollowUpQueue>();

            Console.Error.WriteLine("warming up with 10 interactions");
            await Send(client, signer, endpoint, discord.Url, 10);
            await pending.WhenIdleAsync();
            discord.Reset();

            Console.Error.WriteLine($"{count} signed /soundtrack interactions at once");
            var wall = Stopwatch.StartNew();
            var (latencies, statuses) = await Send(client, signer, endpoint, discord.Url, count);
            var responded = wall.Elapsed.TotalSeconds;
            await pending.WhenIdleAsync();
            var replied = wall.Elapsed.TotalSeconds;

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
                replies = new { webhook_edits = discord.WebhookEdits, all_edited_seconds = Math.Round(replied, 2) },
            };
            if (result.GetValue(json)) Output.WriteJson(report);
            else
            {
                var r = report.initial_response;
                Console.WriteLine($"initial responses: p50 {r.p50_ms} ms, p95 {r.p95_ms} ms, p99 {r.p99_ms} ms; errors {r.errors}; all answered in {r.all_answered_seconds} s");
                Console.WriteLine($"replies: {report.replies.webhook_edits} webhook edits, all done after {report.replies.all_edited_seconds} s");
            }
            return report.initial_response.errors == 0 && discord.WebhookEdits == count ? 0 : 1;
        }));
        return command;
    }

    private static async Task<(double[] Latencies, int[] Statuses)> Send(HttpClient client, InteractionSigner signer, string endpoint, string standIn, int count)
    {
        var latencies = new double[count];
        var statuses = new int[count];
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            using var request = signer.Request(endpoint, JsonSerializer.Serialize(SlashCommand(i, $"{standIn}/attachments/photo.jpg")));
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
            name = "soundtrack", type = 1,
            options = new[] { new { name = "image", type = 11, value = "att" } },
            resolved = new { attachments = new Dictionary<string, object> { ["att"] = new { id = "att", filename = "photo.jpg", size = 1000, url = attachmentUrl, content_type = "image/jpeg" } } },
        },
    };

    /// <summary>Discord's side, minimally: the attachment to download and a webhook that accepts edits, counting them.</summary>
    private sealed class StandIn : IAsyncDisposable
    {
        private readonly HttpListener listener;
        private readonly Task serving;
        private int edits;

        private StandIn(HttpListener listener, byte[] photo, string url)
        {
            this.listener = listener;
            Url = url;
            serving = Task.Run(async () =>
            {
                while (listener.IsListening)
                {
                    HttpListenerContext context;
                    try { context = await listener.GetContextAsync(); }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                    _ = Task.Run(async () =>
                    {
                        if (context.Request.HttpMethod == "GET")
                        {
                            context.Response.ContentType = "image/jpeg";
                            await context.Response.OutputStream.WriteAsync(photo);
                        }
                        else
                        {
                            Interlocked.Increment(ref edits);
                            context.Response.ContentType = "application/json";
                            await context.Response.OutputStream.WriteAsync("{}"u8.ToArray());
                        }
                        context.Response.Close();
                    });
                }
            });
        }

        public string Url { get; }
        public string ApiBase => $"{Url}/api/v10";
        public int WebhookEdits => Volatile.Read(ref edits);

        public void Reset() => Interlocked.Exchange(ref edits, 0);

        public static StandIn Start(byte[] photo)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener { Prefixes = { $"http://127.0.0.1:{port}/" } };
            listener.Start();
            return new StandIn(listener, photo, $"http://127.0.0.1:{port}");
        }

        public async ValueTask DisposeAsync()
        {
            listener.Close();
            await serving;
        }
    }
}
