using System.CommandLine;
using ImageToMusic.Engine;
using ImageToMusic.Engine.Mood;
using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Music.Catalog;
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
        var alignmentCatalog = new Option<FileInfo?>("--alignment-catalog")
        {
            Description = "Real catalog for the alignment figures (does the top 5's Spotify valence/energy follow the photos' human valence/arousal?). " +
                          "Default: $IMAGETOMUSIC_DATA/catalog/spotify_songs_9961.csv.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(CommonOptions.DataEnvironmentVariable) is { } folder
                ? new FileInfo(Path.Combine(folder, "catalog", "spotify_songs_9961.csv"))
                : null,
        };
        var trackSpread = new Option<double>("--track-spread")
            { Description = "Matcher setting to try (choose on val): how loosely a track's audio places it in the mood plane.", DefaultValueFactory = _ => MatchTuning.Default.TrackSpread };
        var evidenceScale = new Option<double>("--evidence-scale")
            { Description = "Matcher setting to try (choose on val): multiplies the weight of the visual evidence terms.", DefaultValueFactory = _ => MatchTuning.Default.EvidenceScale };
        var valenceGain = new Option<double>("--valence-gain")
            { Description = "Matcher setting to try (choose on val): how far out among the tracks a photo's valence is placed.", DefaultValueFactory = _ => MatchTuning.Default.ValenceGain };
        var arousalGain = new Option<double>("--arousal-gain")
            { Description = "Matcher setting to try (choose on val): how far out among the tracks a photo's arousal is placed.", DefaultValueFactory = _ => MatchTuning.Default.ArousalGain };
        var command = new Command("match",
            "For each labelled photo, rank a mood-labelled catalog and count how many of the top 5 carry the mood the photo's " +
            "true valence/arousal point to (V≥5,A≥5 Happy; V≥5,A<5 Calm; V<5,A≥5 Energetic; V<5,A<5 Sad). " +
            "Reports the model beside colour-only, true-mood (ceiling) and random rankings; then, on a real catalog, how the top 5's " +
            "Spotify valence and energy follow the photos' human valence and arousal, the share of non-songs and of lists with five equal fits.")
            { data, split, catalog, alignmentCatalog, trackSpread, evidenceScale, valenceGain, arousalGain, models, threads, json };
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
            var tuning = MatchTuning.Default with
            {
                TrackSpread = result.GetValue(trackSpread), EvidenceScale = result.GetValue(evidenceScale),
                ValenceGain = result.GetValue(valenceGain), ArousalGain = result.GetValue(arousalGain),
            };
            tuning.Validate();
            var evaluation = MatchEvaluation.Score(analyzer.Model, extracted, labelled, tuning);
            var realCatalog = CommonOptions.Require(result.GetValue(alignmentCatalog), "--alignment-catalog");
            var index = CatalogIndex.Build(CatalogFile.ReadDistinct(realCatalog.FullName),
                TrackMoodModelFile.Load(Path.Combine(ModelLocation.Resolve(result.GetValue(models)), TrackMoodModel.DefaultFileName)));
            var alignment = AlignmentEvaluation.Score(analyzer.Model, extracted, index, tuning);
            var images = $"emotion6:{result.GetValue(split)}";
            if (result.GetValue(json)) Output.WriteJson(ToJson(evaluation, alignment, tuning, realCatalog.Name, images));
            else
            {
                WriteText(evaluation, images);
                WriteText(alignment, realCatalog.Name);
            }
            return 0;
        }));
        return command;
    }

    private static object ToJson(MatchEvaluation e, AlignmentEvaluation a, MatchTuning tuning, string alignmentCatalog, string images) => new
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
        alignment_catalog = alignmentCatalog,
        alignment_catalog_tracks = a.CatalogTracks,
        valence_alignment_r = a.Model.ValenceR,
        energy_alignment_r = a.Model.EnergyR,
        alignment = new { model = a.Model, ceiling = a.Ceiling, colour_only = a.ColourOnly, random = a.Random },
        non_song_share = a.NonSongShare,
        non_song_share_if_included = a.NonSongShareIfIncluded,
        catalog_non_song_share = a.CatalogNonSongShare,
        tied_lists_share = a.TiedListsShare,
        tuning,
    };

    private static void WriteText(AlignmentEvaluation a, string catalog)
    {
        Console.WriteLine($"{catalog}: {a.CatalogTracks} songs; r between the photos' human valence/arousal and the top {AlignmentEvaluation.Top}'s mean Spotify valence/energy");
        Console.WriteLine($"  {"ranking",-14}{"valence r",11}{"energy r",10}");
        foreach (var (name, r) in new[] { ("model", a.Model), ("ceiling", a.Ceiling), ("colour only", a.ColourOnly), ("random", a.Random) })
            Console.WriteLine($"  {name,-14}{r.ValenceR,11:F3}{r.EnergyR,10:F3}");
        Console.WriteLine($"  non-songs: {a.NonSongShare:P1} of suggestions ({a.NonSongShareIfIncluded:P1} if let in; {a.CatalogNonSongShare:P1} of the catalog); " +
                          $"lists with five equal fits: {a.TiedListsShare:P1}");
    }

    private static void WriteText(MatchEvaluation e, string images)
    {
        Console.WriteLine($"{images}: {e.Images} photos ({string.Join(", ", e.ImagesPerMood.Select(kv => $"{kv.Key} {kv.Value}"))}), catalog {e.CatalogTracks} labelled tracks, model {e.MoodModelVersion}");
        Console.WriteLine($"  {"ranking",-14}{"agreement@5",13}{"balanced",10}  per mood");
        foreach (var (name, scores) in new[] { ("model", e.Model), ("colour only", e.ColourOnly), ("ceiling", e.Ceiling), ("random", e.Random) })
            Console.WriteLine($"  {name,-14}{scores.AgreementAt5,13:F3}{scores.BalancedAgreementAt5,10:F3}  {string.Join(", ", scores.PerMood.Select(kv => $"{kv.Key} {kv.Value:F2}"))}");
        Console.WriteLine($"  model / random: {e.Model.AgreementAt5 / e.Random.AgreementAt5:F2}× (balanced {e.Model.BalancedAgreementAt5 / e.Random.BalancedAgreementAt5:F2}×)");
    }
}
