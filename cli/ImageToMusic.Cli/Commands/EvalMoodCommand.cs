using System.CommandLine;
using System.Text.Json.Nodes;
using ImageToMusic.Engine;
using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Mood;

namespace ImageToMusic.Cli.Commands;

/// <summary>`eval mood`: scores the mood model and its colour-only baseline against human labels.</summary>
internal static class EvalMoodCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Emotion6(required: false);
        var split = CommonOptions.Split();
        var labels = new Option<FileInfo?>("--labels") { Description = "CSV with header image,valence,arousal (1–9); takes precedence over --data." };
        var images = new Option<DirectoryInfo?>("--images") { Description = "Folder the CSV's image paths are relative to (default: the CSV's folder)." };
        var models = CommonOptions.Models();
        var threads = CommonOptions.Threads();
        var json = CommonOptions.Json();
        var mood = new Command("mood", "Score predicted valence, arousal and emotions against human labels, beside a colour-only baseline.")
            { data, split, labels, images, models, threads, json };
        mood.SetAction(result => Failures.Guard(() =>
        {
            var (set, source) = LoadLabels(result.GetValue(labels), result.GetValue(images), result.GetValue(data), result.GetValue(split)!);
            using var analyzer = MoodAnalyzer.Open(new MoodAnalyzerOptions { ModelFolder = result.GetValue(models) });
            var extracted = BatchExtraction.Extract(analyzer.Extractor, set, analyzer.Limits, analyzer.BackboneBlocks,
                result.GetValue(threads), Output.Progress("analysed"));
            var evaluation = MoodEvaluation.Score(analyzer.Model, extracted);
            if (result.GetValue(json)) Console.WriteLine(ToJson(evaluation, source).ToJsonString(Output.Json));
            else WriteText(evaluation, source);
            return 0;
        }));
        return mood;
    }

    private static (IReadOnlyList<LabelledImage> Set, string Source) LoadLabels(FileInfo? labels, DirectoryInfo? images, DirectoryInfo? data, string split)
    {
        if (labels is not null)
        {
            var folder = images?.FullName ?? labels.DirectoryName!;
            return (LabelledImageSets.LoadCsv(labels.FullName, folder), labels.FullName);
        }
        if (data is null)
            throw new ArgumentException("Give --data <emotion6 folder> (or set IMAGETOMUSIC_DATA), or --labels <csv> --images <folder>.");
        return (LabelledImageSets.LoadEmotion6(data.FullName, split), $"emotion6:{split}");
    }

    /// <summary>The full model's metrics at the top level, the baseline under "colour_only".</summary>
    public static JsonObject ToJson(MoodEvaluation evaluation, string source)
    {
        var node = Output.ToNode(evaluation.Full).AsObject();
        node["colour_only"] = Output.ToNode(evaluation.ColourOnly);
        node["beats_colour_only_on_every_metric"] = evaluation.MetricsNotBeatingBaseline().Count == 0;
        node["model_version"] = evaluation.ModelVersion;
        node["labels"] = source;
        node["failed"] = Output.ToNode(evaluation.Failures);
        return node;
    }

    public static void WriteText(MoodEvaluation evaluation, string source)
    {
        Console.WriteLine($"{source}: {evaluation.Full.Count} images, model {evaluation.ModelVersion}");
        Console.WriteLine($"  {"metric",-24}{"model",10}{"colour only",14}");
        foreach (var metric in MoodScores.Metrics)
            Console.WriteLine($"  {metric.Name,-24}{Format(metric.Value(evaluation.Full)),10}{Format(metric.Value(evaluation.ColourOnly)),14}");
        var lost = evaluation.MetricsNotBeatingBaseline();
        Console.WriteLine(lost.Count == 0 ? "  the model beats the colour-only baseline on every metric" : $"  not better than colour only on: {string.Join(", ", lost)}");
        foreach (var failure in evaluation.Failures)
            Console.WriteLine($"  failed {failure.Image}: {failure.Error}: {failure.Message}");

        static string Format(double? v) => v is { } x ? x.ToString("F3") : "n/a";
    }
}
