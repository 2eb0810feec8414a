using System.CommandLine;
using System.Globalization;
using ImageToMusic.Engine;
using ImageToMusic.Engine.Imaging;

namespace ImageToMusic.Cli.Commands;

/// <summary>`analyze`: the mood of one or more photos, with the visual evidence behind it.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var images = new Argument<FileInfo[]>("images") { Description = "Photo files (JPEG, PNG, WebP, GIF, TIFF, HEIF/AVIF, ...).", Arity = ArgumentArity.OneOrMore };
        var json = CommonOptions.Json();
        var models = CommonOptions.Models();
        var limits = CommonOptions.Limits();
        var command = new Command("analyze", "Analyse photos into a mood: valence and arousal (1–9), emotions, palette and light.") { images, json, models };
        limits.AddTo(command);
        command.SetAction(result => Failures.Guard(() =>
        {
            using var analyzer = MoodAnalyzer.Open(new MoodAnalyzerOptions { ModelFolder = result.GetValue(models), Limits = limits.Read(result) });
            var outcomes = result.GetValue(images)!.Select(file => Analyze(analyzer, file.FullName)).ToList();
            if (result.GetValue(json))
                Output.WriteJson(outcomes.Count == 1 ? outcomes[0] : new { results = outcomes });
            else
                foreach (var outcome in outcomes) WriteText(outcome);
            return outcomes.Any(o => o.Error is not null) ? 1 : 0;
        }));
        return command;
    }

    internal sealed record ImageOutcome(string Image, MoodJson? Mood, string? ModelVersion, AnalysisTimings? TimingsMs, ErrorJson? Error);

    private static ImageOutcome Analyze(MoodAnalyzer analyzer, string path)
    {
        try
        {
            var analysis = analyzer.AnalyzeFile(path);
            return new ImageOutcome(path, MoodJson.From(analysis), analysis.ModelVersion, analysis.Timings, null);
        }
        catch (Exception e) when (ErrorJson.ForImage(e) is { } error)
        {
            return new ImageOutcome(path, null, null, null, error);
        }
    }

    private static void WriteText(ImageOutcome outcome)
    {
        Console.WriteLine(outcome.Image);
        if (outcome.Error is { } error)
        {
            Output.Error($"{outcome.Image}: {error.Code}: {error.Message}");
            return;
        }
        var mood = outcome.Mood!;
        var e = mood.Evidence;
        var s = mood.Source;
        Console.WriteLine($"  source    {s.Format} {s.Width}×{s.Height}{(s.Orientation != 1 ? $", EXIF orientation {s.Orientation} applied" : "")}{(s.FlattenedAlphaOn is { } bg ? $", alpha flattened on {bg.ToString().ToLowerInvariant()}" : "")}");
        MoodText.Write(mood);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  light     brightness {e.Brightness:F2}, saturation {e.Saturation:F2}, warmth {e.Warmth:+0.00;-0.00}, contrast {e.Contrast:F2}, colourfulness {e.Colourfulness:F0}, edges {e.EdgeDensity:F2}"));
        var t = outcome.TimingsMs!;
        Console.WriteLine($"  model     {outcome.ModelVersion}, {t.TotalMs:F0} ms (decode {t.DecodeMs:F0}, evidence {t.EvidenceMs:F0}, backbone {t.BackboneMs:F0}, heads {t.HeadsMs:F1})");
    }
}
