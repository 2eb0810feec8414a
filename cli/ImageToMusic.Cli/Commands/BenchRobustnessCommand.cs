using System.CommandLine;
using System.Diagnostics;
using ImageToMusic.Cli.Robustness;
using ImageToMusic.Engine;
using ImageToMusic.Engine.Imaging;

namespace ImageToMusic.Cli.Commands;

/// <summary>
/// `bench robustness`: the red-team sweep as a command. Damaged and forged variants of real photos (and fixed decoder
/// bombs) go one at a time through the whole analysis; it reports what became of each kind, the worst CPU time any
/// file cost, and resident memory before and after.
/// </summary>
internal static class BenchRobustnessCommand
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    public static Command Create()
    {
        var images = new Option<DirectoryInfo>("--images") { Description = "Folder of photos to damage (searched recursively), e.g. <data>/emotion6/images.", Required = true };
        var photos = new Option<int>("--photos") { Description = $"Photos to take from the folder; each gives {PhotoMutations.KindsPerPhoto} damaged files.", DefaultValueFactory = _ => 50 };
        var seed = new Option<int>("--seed") { Description = "Seed for the random damage.", DefaultValueFactory = _ => 13 };
        var models = CommonOptions.Models();
        var json = CommonOptions.Json();
        var command = new Command("robustness",
            $"Feed damaged, forged and bomb files through the analysis; report outcomes, the worst CPU time per file (budget {Budget.TotalSeconds:0} s) and memory growth.")
            { images, photos, seed, models, json };
        command.SetAction(result => Failures.Guard(() =>
        {
            using var analyzer = MoodAnalyzer.Open(new MoodAnalyzerOptions { ModelFolder = result.GetValue(models) });
            var originals = BenchMoodCommand.LoadPhotos(result.GetValue(images)!, result.GetValue(photos));
            Console.Error.WriteLine($"damaging {originals.Count} photos {PhotoMutations.KindsPerPhoto} ways, plus decoder bombs");
            var files = PhotoMutations.Of(originals, result.GetValue(seed)).ToList();
            var report = Sweep(analyzer, files);
            if (result.GetValue(json)) Output.WriteJson(report);
            else
            {
                Console.WriteLine($"{report.Files} files: {string.Join(", ", report.Outcomes.Select(o => $"{o.Key} {o.Value}"))}");
                Console.WriteLine($"crashes {report.Crashes}; over the {Budget.TotalSeconds:0} s budget {report.OverBudget}; worst CPU {report.Worst[0].CpuMs:F0} ms ({report.Worst[0].Kind} of {report.Worst[0].Origin})");
                Console.WriteLine($"resident memory: {report.RssMb.AfterWarmUp:F0} MB after warm-up, {report.RssMb.End:F0} MB at the end ({report.RssMb.GrowthAfterWarmUp:+0;-0} MB)");
            }
            return report.Crashes == 0 ? 0 : 1;
        }));
        return command;
    }

    internal sealed record FileResult(string Kind, string Origin, int Bytes, string Outcome, double WallMs, double CpuMs);
    internal sealed record Memory(double Start, double AfterWarmUp, double End, double GrowthAfterWarmUp);
    internal sealed record Report(
        Measurements.MachineInfo Machine, int Files, IReadOnlyDictionary<string, int> Outcomes, int Crashes, int OverBudget, double BudgetMs,
        double P50WallMs, double P95WallMs, IReadOnlyList<FileResult> Worst, Memory RssMb,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ByKind);

    private static Report Sweep(MoodAnalyzer analyzer, IReadOnlyList<MutatedFile> files)
    {
        var warmUp = Math.Min(100, files.Count / 4);
        var start = ResidentMb();
        var afterWarmUp = start;
        var results = new List<FileResult>(files.Count);
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < files.Count; i++)
        {
            if (i == warmUp) afterWarmUp = ResidentMb();
            var file = files[i];
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var outcome = Outcome(analyzer, file.Bytes);
            var wall = clock.Elapsed.TotalMilliseconds;
            process.Refresh();
            results.Add(new FileResult(file.Kind, file.Origin, file.Bytes.Length, outcome, Math.Round(wall, 1), Math.Round((process.TotalProcessorTime - cpu).TotalMilliseconds, 1)));
            if ((i + 1) % 100 == 0) Console.Error.WriteLine($"  {i + 1}/{files.Count}");
        }
        var end = ResidentMb();
        var walls = results.Select(r => r.WallMs).ToArray();
        return new Report(
            Measurements.Machine(), results.Count,
            results.GroupBy(r => r.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            results.Count(r => r.Outcome.StartsWith("crash", StringComparison.Ordinal)),
            results.Count(r => r.CpuMs > Budget.TotalMilliseconds || r.WallMs > Budget.TotalMilliseconds), Budget.TotalMilliseconds,
            Math.Round(Measurements.Percentile(walls, 0.5), 1), Math.Round(Measurements.Percentile(walls, 0.95), 1),
            [.. results.OrderByDescending(r => Math.Max(r.CpuMs, r.WallMs)).Take(10)],
            new Memory(start, afterWarmUp, end, Math.Round(end - afterWarmUp, 1)),
            results.GroupBy(r => r.Kind).ToDictionary(g => g.Key,
                g => (IReadOnlyDictionary<string, int>)g.GroupBy(r => r.Outcome).ToDictionary(o => o.Key, o => o.Count())));
    }

    /// <summary>The analysis' verdict on one file: "ok", an error code, or "crash: Type" for anything the analysis did not expect.</summary>
    private static string Outcome(MoodAnalyzer analyzer, byte[] bytes)
    {
        try
        {
            analyzer.Analyze(bytes);
            return "ok";
        }
        catch (ImageRejectedException rejected)
        {
            return rejected.Code;
        }
        catch (Exception e)
        {
            return $"crash: {e.GetType().Name}: {e.Message}";
        }
    }

    /// <summary>Resident set size after a full collection, so garbage not yet collected is not counted as growth.</summary>
    private static double ResidentMb()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return Math.Round(process.WorkingSet64 / 1048576.0, 1);
    }
}
