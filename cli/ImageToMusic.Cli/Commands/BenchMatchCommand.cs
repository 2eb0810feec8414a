using System.CommandLine;
using System.Diagnostics;
using ImageToMusic.Engine;
using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Music.Catalog;
using ImageToMusic.Engine.Music.Matching;

namespace ImageToMusic.Cli.Commands;

/// <summary>
/// `bench match`: ranking latency, single-threaded, over a real catalog and a generated large one resampled
/// from it. Only ranking is timed (the index is built once per catalog, as a server does at start-up).
/// </summary>
internal static class BenchMatchCommand
{
    public static Command Create()
    {
        var catalog = new Option<FileInfo?>("--catalog")
        {
            Description = "Catalog file to rank (any format `catalog import` reads). Default: $IMAGETOMUSIC_DATA/catalog/spotify_songs_9961.csv.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(CommonOptions.DataEnvironmentVariable) is { } data
                ? new FileInfo(Path.Combine(data, "catalog", "spotify_songs_9961.csv"))
                : null,
        };
        var size = new Option<int>("--size") { Description = "Tracks in the generated catalog.", DefaultValueFactory = _ => 1_000_000 };
        var queries = new Option<int>("--queries") { Description = "Timed rankings per catalog (after one second of warm-up rankings).", DefaultValueFactory = _ => 200 };
        var top = new Option<int>("--top") { Description = "Tracks per ranking.", DefaultValueFactory = _ => MatchOptions.DefaultTop };
        var models = CommonOptions.Models();
        var json = CommonOptions.Json();
        var command = new Command("match", "Measure ranking latency p50/p95 (single thread) on the real catalog and a generated one, and the generated catalog's memory.")
            { catalog, size, queries, top, models, json };
        command.SetAction(result => Failures.Guard(() =>
        {
            var file = CommonOptions.Require(result.GetValue(catalog), "--catalog");
            var moods = TrackMoodModelFile.Load(Path.Combine(ModelLocation.Resolve(result.GetValue(models)), TrackMoodModel.DefaultFileName));
            var options = new MatchOptions { Top = result.GetValue(top) };
            var workload = SyntheticCatalog.Queries(result.GetValue(queries));

            Console.Error.WriteLine($"ranking {file.Name}");
            var (realRun, real) = Measure(file.Name, () => CatalogFile.ReadDistinct(file.FullName), moods, workload, options);
            Console.Error.WriteLine($"ranking {result.GetValue(size):N0} tracks resampled from {file.Name}");
            var (largeRun, _) = Measure($"generated from {file.Name}", () => SyntheticCatalog.Generate(real, result.GetValue(size)), moods, workload, options);

            var report = new { machine = Measurements.Machine(), top = options.Top, queries = workload.Count, catalogs = new[] { realRun, largeRun } };
            if (result.GetValue(json)) Output.WriteJson(report);
            else
                foreach (var run in report.catalogs)
                    Console.WriteLine($"{run.Tracks,9:N0} tracks ({run.Source}): p50 {run.P50Ms:F3} ms, p95 {run.P95Ms:F3} ms; index built in {run.IndexBuildMs:F0} ms; memory {run.TracksMemoryMb:F0} MB tracks + {run.IndexMemoryMb:F0} MB index");
            return 0;
        }));
        return command;
    }

    internal sealed record Run(string Source, int Tracks, double P50Ms, double P95Ms, double MeanMs, double IndexBuildMs, double TracksMemoryMb, double IndexMemoryMb);

    private static (Run Run, IReadOnlyList<Track> Tracks) Measure(string source, Func<IReadOnlyList<Track>> load, TrackMoodModel moods, IReadOnlyList<MoodQuery> workload, MatchOptions options)
    {
        var before = ManagedBytes();
        var tracks = load();
        var withTracks = ManagedBytes();
        var build = Stopwatch.StartNew();
        var index = CatalogIndex.Build(tracks, moods);
        var buildMs = build.Elapsed.TotalMilliseconds;
        var withIndex = ManagedBytes();

        // Warm up for a full second so the JIT's tiered compilation has produced optimised code,
        // as it has in a server that has been running for a while.
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; warmUp.Elapsed < TimeSpan.FromSeconds(1); i++) Matcher.Rank(index, workload[i % workload.Count], options);
        var latencies = workload.Select(query =>
        {
            var start = Stopwatch.GetTimestamp();
            Matcher.Rank(index, query, options);
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }).ToArray();
        return (new Run(source, index.Count,
            Math.Round(Measurements.Percentile(latencies, 0.5), 4), Math.Round(Measurements.Percentile(latencies, 0.95), 4), Math.Round(latencies.Average(), 4),
            Math.Round(buildMs, 1), Math.Round((withTracks - before) / 1048576.0, 1), Math.Round((withIndex - withTracks) / 1048576.0, 1)), tracks);
    }

    private static long ManagedBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
