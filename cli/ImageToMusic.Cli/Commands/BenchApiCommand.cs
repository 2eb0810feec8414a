using ImageToMusic.Engine.Feedback;
using Microsoft.Extensions.DependencyInjection;
using System.CommandLine;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ImageToMusic.Cli.Commands;

/// <summary>
/// `bench api`: the local app under load on 127.0.0.1, driven over real HTTP: concurrent story requests,
/// then concurrent feedback posts, with latency percentiles, errors, and a check that every vote is
/// stored exactly once. The app runs in this process on a temp SQLite store.
/// </summary>
internal static class BenchApiCommand
{
    public static Command Create()
    {
        var images = new Option<DirectoryInfo>("--images") { Description = "Folder of photos (searched recursively), e.g. <data>/emotion6/images.", Required = true };
        var catalog = new Option<FileInfo?>("--catalog")
        {
            Description = "Catalog to import into the temp store. Default: $IMAGETOMUSIC_DATA/catalog/spotify_songs_9961.csv.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(CommonOptions.DataEnvironmentVariable) is { } data ? new FileInfo(Path.Combine(data, "catalog", "spotify_songs_9961.csv")) : null,
        };
        var stories = new Option<int>("--stories") { Description = "Story requests sent at once.", DefaultValueFactory = _ => 200 };
        var photosPerStory = new Option<int>("--photos-per-story") { Description = "Photos in each story request.", DefaultValueFactory = _ => 3 };
        var votes = new Option<int>("--feedback") { Description = "Feedback posts sent at once (distinct users × tracks).", DefaultValueFactory = _ => 1000 };
        var json = CommonOptions.Json();
        var command = new Command("api", "Load the local API over HTTP: concurrent story requests and feedback posts; throughput, p50/p95/p99, errors, and votes stored exactly once.")
            { images, catalog, stories, photosPerStory, votes, json };
        command.SetAction((result, cancellation) => Failures.Guard(async () =>
        {
            var photos = Directory.EnumerateFiles(result.GetValue(images)!.FullName, "*.jpg", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Take(result.GetValue(stories) * result.GetValue(photosPerStory)).Select(File.ReadAllBytes).ToList();
            if (photos.Count == 0) throw new FileNotFoundException($"No .jpg photos under {result.GetValue(images)!.FullName}.");
            await using var bench = await BenchApp.StartAsync(CommonOptions.Require(result.GetValue(catalog), "--catalog").FullName, null, cancellation);
            using var client = new HttpClient { BaseAddress = bench.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
            client.DefaultRequestHeaders.Add("x-functions-key", BenchApp.ApiKey);
            Console.Error.WriteLine($"{result.GetValue(stories)} story requests of {result.GetValue(photosPerStory)} photos at once");
            var storyRun = await Run(result.GetValue(stories), i => client.PostAsync("/api/story/soundtrack",
                Form(Enumerable.Range(0, result.GetValue(photosPerStory)).Select(p => photos[(i * result.GetValue(photosPerStory) + p) % photos.Count]))));

            var target = await FirstRecommendation(client, photos[0]);
            Console.Error.WriteLine($"{result.GetValue(votes)} feedback posts at once on recommendation {target.Id}");
            var tracks = target.TrackIds;
            var feedbackRun = await Run(result.GetValue(votes), i => client.PostAsJsonAsync("/api/feedback", new
            {
                recommendation_id = target.Id, track_id = tracks[i % tracks.Count], vote = i % 3 == 0 ? "down" : "up", platform = "api", user = $"user-{i / tracks.Count}",
            }));
            var stored = await bench.App.Services.GetRequiredService<IFeedbackStore>().ForRecommendationAsync(target.Id, cancellation);
            var report = new
            {
                machine = Measurements.Machine(),
                stories = storyRun,
                feedback = feedbackRun,
                feedback_stored = stored.Count,
                feedback_distinct_ids = stored.Select(v => v.Id).Distinct().Count(),
                feedback_stored_exactly_once = stored.Count == result.GetValue(votes) && stored.Select(v => v.Id).Distinct().Count() == stored.Count,
            };
            if (result.GetValue(json)) Output.WriteJson(report);
            else
            {
                Console.WriteLine($"stories:  {Describe(storyRun)}");
                Console.WriteLine($"feedback: {Describe(feedbackRun)}");
                Console.WriteLine($"feedback stored: {report.feedback_stored} records, {report.feedback_distinct_ids} distinct (exactly once: {report.feedback_stored_exactly_once})");
            }
            return storyRun.Errors == 0 && feedbackRun.Errors == 0 && report.feedback_stored_exactly_once ? 0 : 1;
        }));
        return command;
    }

    internal sealed record LoadRun(int Requests, int Errors, IReadOnlyDictionary<int, int> Statuses, double WallSeconds, double RequestsPerSecond, double P50Ms, double P95Ms, double P99Ms);

    private static string Describe(LoadRun r) =>
        $"{r.Requests} requests in {r.WallSeconds:F2} s = {r.RequestsPerSecond:F1}/s; p50 {r.P50Ms:F0} ms, p95 {r.P95Ms:F0} ms, p99 {r.P99Ms:F0} ms; errors {r.Errors}";

    /// <summary>Sends all requests at once and times each.</summary>
    private static async Task<LoadRun> Run(int count, Func<int, Task<HttpResponseMessage>> send)
    {
        var latencies = new double[count];
        var statuses = new int[count];
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var response = await send(i);
                await response.Content.ReadAsByteArrayAsync();
                statuses[i] = (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
                statuses[i] = 0;
            }
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }));
        var seconds = wall.Elapsed.TotalSeconds;
        return new LoadRun(count, statuses.Count(s => s is < 200 or >= 300), statuses.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count()),
            Math.Round(seconds, 3), Math.Round(count / seconds, 1),
            Math.Round(Measurements.Percentile(latencies, 0.50), 1), Math.Round(Measurements.Percentile(latencies, 0.95), 1), Math.Round(Measurements.Percentile(latencies, 0.99), 1));
    }

    private static MultipartFormDataContent Form(IEnumerable<byte[]> photos)
    {
        var form = new MultipartFormDataContent();
        foreach (var (photo, i) in photos.Select((p, i) => (p, i)))
        {
            var part = new ByteArrayContent(photo);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(part, "images", $"photo{i}.jpg");
        }
        return form;
    }

    private sealed record Target(string Id, IReadOnlyList<string> TrackIds);

    /// <summary>A recommendation with five tracks to vote on: one photo as a whole-mode story asking for five tracks' worth of time.</summary>
    private static async Task<Target> FirstRecommendation(HttpClient client, byte[] photo)
    {
        var form = Form([photo]);
        form.Add(new StringContent("whole"), "mode");
        form.Add(new StringContent("1050"), "target_duration_seconds");
        using var response = await client.PostAsync("/api/story/soundtrack", form);
        response.EnsureSuccessStatusCode();
        var story = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return new Target(story.GetProperty("recommendation_id").GetString()!, [.. story.GetProperty("tracks").EnumerateArray().Select(t => t.GetProperty("id").GetString()!)]);
    }
}
