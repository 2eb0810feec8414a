using System.CommandLine;
using System.Diagnostics;
using ImageToMusic.Engine;
using ImageToMusic.Engine.Imaging;

namespace ImageToMusic.Cli.Commands;

/// <summary>
/// `bench mood`: end-to-end speed of decode + evidence + backbone + heads on real photos and on a
/// 4000×3000 JPEG. Files are read into memory first, so disk speed is not measured.
/// </summary>
internal static class BenchMoodCommand
{
    public static Command Create()
    {
        var images = new Option<DirectoryInfo>("--images") { Description = "Folder of photos (searched recursively), e.g. <data>/emotion6/images.", Required = true };
        var count = new Option<int>("--count") { Description = "Photos to use from the folder.", DefaultValueFactory = _ => 300 };
        var large = new Option<FileInfo?>("--large") { Description = "A large JPEG to time (default: a 4000×3000 JPEG drawn by libvips from a fixed seed)." };
        var runs = new Option<int>("--runs") { Description = "Timed runs on the large JPEG.", DefaultValueFactory = _ => 30 };
        var models = CommonOptions.Models();
        var json = CommonOptions.Json();
        var mood = new Command("mood", "Measure photos per second and p50/p95 latency, single-threaded and on all cores.") { images, count, large, runs, models, json };
        mood.SetAction(result => Failures.Guard(() =>
        {
            using var analyzer = MoodAnalyzer.Open(new MoodAnalyzerOptions { ModelFolder = result.GetValue(models) });
            var photos = LoadPhotos(result.GetValue(images)!, result.GetValue(count)).Select(p => p.Bytes).ToList();
            var largePath = result.GetValue(large)?.FullName ?? GenerateLargeJpeg();
            var largeBytes = File.ReadAllBytes(largePath);

            Console.Error.WriteLine($"warming up; then {photos.Count} photos single-threaded, on {Environment.ProcessorCount} cores, and {result.GetValue(runs)} runs of {Path.GetFileName(largePath)}");
            foreach (var photo in photos.Take(10)) analyzer.Analyze(photo);
            var report = new
            {
                machine = Measurements.Machine(),
                photos = new
                {
                    folder = result.GetValue(images)!.FullName,
                    count = photos.Count,
                    single_thread = Measure(analyzer, photos, 1),
                    all_cores = Measure(analyzer, photos, Environment.ProcessorCount),
                },
                large_jpeg = new
                {
                    file = largePath,
                    bytes = largeBytes.Length,
                    single_thread = Measure(analyzer, [.. Enumerable.Repeat(largeBytes, result.GetValue(runs))], 1),
                },
            };
            if (result.GetValue(json)) Output.WriteJson(report);
            else
            {
                Console.WriteLine($"photos ({photos.Count}) single-threaded: {Describe(report.photos.single_thread)}");
                Console.WriteLine($"photos ({photos.Count}) on {Environment.ProcessorCount} cores:  {Describe(report.photos.all_cores)}");
                Console.WriteLine($"large JPEG ({largeBytes.Length / 1024} KB) single-threaded: {Describe(report.large_jpeg.single_thread)}");
            }
            return 0;
        }));
        return mood;
    }

    internal sealed record Run(int Threads, int Images, double ImagesPerSecond, double P50Ms, double P95Ms, IReadOnlyDictionary<string, double> StageP50Ms);

    private static string Describe(Run r) =>
        $"{r.ImagesPerSecond:F1} images/s, p50 {r.P50Ms:F1} ms, p95 {r.P95Ms:F1} ms (decode {r.StageP50Ms["decode"]:F1}, evidence {r.StageP50Ms["evidence"]:F1}, backbone {r.StageP50Ms["backbone"]:F1}, heads {r.StageP50Ms["heads"]:F2})";

    /// <summary>Analyses every input, <paramref name="threads"/> at a time, timing each and the whole run.</summary>
    private static Run Measure(MoodAnalyzer analyzer, IReadOnlyList<byte[]> inputs, int threads)
    {
        var timings = new AnalysisTimings[inputs.Count];
        var latencies = new double[inputs.Count];
        var wall = Stopwatch.StartNew();
        System.Threading.Tasks.Parallel.For(0, inputs.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            var start = Stopwatch.GetTimestamp();
            timings[i] = analyzer.Analyze(inputs[i]).Timings;
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        });
        return Summarise(threads, wall.Elapsed, latencies, timings);
    }

    private static Run Summarise(int threads, TimeSpan wall, double[] latencies, AnalysisTimings[] timings) => new(
        threads, latencies.Length, Math.Round(latencies.Length / wall.TotalSeconds, 2),
        Math.Round(Measurements.Percentile(latencies, 0.50), 2), Math.Round(Measurements.Percentile(latencies, 0.95), 2),
        new Dictionary<string, double>
        {
            ["decode"] = Math.Round(Measurements.Percentile([.. timings.Select(t => t.DecodeMs)], 0.5), 2),
            ["evidence"] = Math.Round(Measurements.Percentile([.. timings.Select(t => t.EvidenceMs)], 0.5), 2),
            ["backbone"] = Math.Round(Measurements.Percentile([.. timings.Select(t => t.BackboneMs)], 0.5), 2),
            ["heads"] = Math.Round(Measurements.Percentile([.. timings.Select(t => t.HeadsMs)], 0.5), 3),
        });

    /// <summary>The first <paramref name="count"/> photos under <paramref name="folder"/> in name order, read into memory.</summary>
    internal static List<(string Name, byte[] Bytes)> LoadPhotos(DirectoryInfo folder, int count)
    {
        if (!folder.Exists) throw new DirectoryNotFoundException($"No such folder: {folder.FullName}");
        string[] extensions = [".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff"];
        var files = folder.EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => extensions.Contains(f.Extension.ToLowerInvariant()))
            .OrderBy(f => f.FullName, StringComparer.Ordinal).Take(count).ToList();
        if (files.Count == 0) throw new FileNotFoundException($"No photos under {folder.FullName}.");
        return [.. files.Select(f => (Path.GetRelativePath(folder.FullName, f.FullName), File.ReadAllBytes(f.FullName)))];
    }

    /// <summary>A 4000×3000 JPEG (quality 90) of seeded synthetic texture: full of fine detail, so it costs a decoder as much as a camera photo.</summary>
    private static string GenerateLargeJpeg()
    {
        var path = Path.Combine(Path.GetTempPath(), "imagetomusic-bench-4000x3000-seed7-grain4.5.jpg");
        if (File.Exists(path)) return path;
        Console.Error.WriteLine($"generating {path} with libvips");
        File.WriteAllBytes(path + ".partial", SyntheticPhoto.Jpeg(4000, 3000, seed: 7, quality: 90));
        File.Move(path + ".partial", path, overwrite: true);
        return path;
    }
}
