using System.CommandLine;
using ImageToMusic.Engine;
using ImageToMusic.Engine.Mood;
using ImageToMusic.Engine.Music.Matching;
using ImageToMusic.Engine.Music.Training;

namespace ImageToMusic.Cli.Commands;

/// <summary>`eval match`: the whole chain, photo → mood → top 5 from a human-labelled catalog, against the photos' labels.</summary>
internal static class EvalMatchCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Emotion6(required: false);
        var split = CommonOptions.Split();
        var catalog = CommonOptions.TrackLabels();
        catalog.Aliases.Add("--catalog");
        var models = CommonOptions.Models();
        var threads = CommonOptions.Threads();
        var json = CommonOptions.Json();
        var command = new Command("match",
            "For each labelled photo, rank a mood-labelled catalog and count how many of the top 5 carry the mood the photo's " +
            "true valence/arousal point to (V≥5,A≥5 Happy; V≥5,A<5 Calm; V<5,A≥5 Energetic; V<5,A<5 Sad). " +
            "Reports the model beside colour-only, true-mood (ceiling) and random rankings.")
            { data, split, catalog, models, threads, json };
        command.SetAction(result => Failures.Guard(() =>
        {
            var emotion6 = result.GetValue(data) ?? throw new ArgumentException("--data is required (or set IMAGETOMUSIC_DATA).");
            var labelled = LabelledTracks.Load(CommonOptions.Require(result.GetValue(catalog), "--catalog").FullName);
            var photos = LabelledImageSets.LoadEmotion6(emotion6.FullName, result.GetValue(split)!);
            using var analyzer = MoodAnalyzer.Open(new MoodAnalyzerOptions { ModelFolder = result.GetValue(models) });
            var extracted = BatchExtraction.Extract(analyzer.Extractor, photos, analyzer.Limits, analyzer.BackboneBlocks,
                result.GetValue(threads), Output.Progress("analysed"));
            foreach (var failure in extracted.Failures)
                Console.Error.WriteLine($"warning: skipped {failure.Image}: {failure.Error}: {failure.Message}");
            var evaluation = MatchEvaluation.Score(analyzer.Model, extracted, labelled);
            if (result.GetValue(json)) Output.WriteJson(ToJson(evaluation, $"emotion6:{result.GetValue(split)}"));
            else WriteText(evaluation, $"emotion6:{result.GetValue(split)}");
            return 0;
        }));
        return command;
    }

    private static object ToJson(MatchEvaluation e, string images) => new
    {
        images,
        image_count = e.Images,
        catalog_tracks = e.CatalogTracks,
        images_per_mood = e.ImagesPerMood,
        mood_agreement_at_5 = e.Model.AgreementAt5,
        balanced_mood_agreement_at_5 = e.Model.BalancedAgreementAt5,
        ceiling_agreement_at_5 = e.Ceiling.AgreementAt5,
        random_agreement_at_5 = e.Random.AgreementAt5,
        colour_only_agreement_at_5 = e.ColourOnly.AgreementAt5,
        ratio_to_random = e.Model.AgreementAt5 / e.Random.AgreementAt5,
        balanced_ratio_to_random = e.Model.BalancedAgreementAt5 / e.Random.BalancedAgreementAt5,
        model = e.Model,
        colour_only = e.ColourOnly,
        ceiling = e.Ceiling,
        random = e.Random,
        random_repeats = MatchEvaluation.RandomRepeats,
        mood_model_version = e.MoodModelVersion,
    };

    private static void WriteText(MatchEvaluation e, string images)
    {
        Console.WriteLine($"{images}: {e.Images} photos ({string.Join(", ", e.ImagesPerMood.Select(kv => $"{kv.Key} {kv.Value}"))}), catalog {e.CatalogTracks} labelled tracks, model {e.MoodModelVersion}");
        Console.WriteLine($"  {"ranking",-14}{"agreement@5",13}{"balanced",10}  per mood");
        foreach (var (name, scores) in new[] { ("model", e.Model), ("colour only", e.ColourOnly), ("ceiling", e.Ceiling), ("random", e.Random) })
            Console.WriteLine($"  {name,-14}{scores.AgreementAt5,13:F3}{scores.BalancedAgreementAt5,10:F3}  {string.Join(", ", scores.PerMood.Select(kv => $"{kv.Key} {kv.Value:F2}"))}");
        Console.WriteLine($"  model / random: {e.Model.AgreementAt5 / e.Random.AgreementAt5:F2}× (balanced {e.Model.BalancedAgreementAt5 / e.Random.BalancedAgreementAt5:F2}×)");
    }
}
