using System.CommandLine;
using ImageToMusic.Engine;
using ImageToMusic.Engine.Mood;
using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Music.Catalog;
using ImageToMusic.Engine.Music.Matching;
using ImageToMusic.Engine.Music.Personalisation;

namespace ImageToMusic.Cli.Commands;

/// <summary>`eval personalisation`: the offline replay of communities with hidden tastes voting round by round (<see cref="PersonalisationReplay"/>).</summary>
internal static class EvalPersonalisationCommand
{
    private const string Split = "val";

    public static Command Create()
    {
        var data = CommonOptions.Emotion6(required: false);
        var catalog = new Option<FileInfo?>("--catalog")
        {
            Description = "Catalog to rank (any format `catalog import` reads). Default: $IMAGETOMUSIC_DATA/catalog/top_hits_genre_1821.csv.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(CommonOptions.DataEnvironmentVariable) is { } folder
                ? new FileInfo(Path.Combine(folder, "catalog", "top_hits_genre_1821.csv"))
                : null,
        };
        var rounds = new Option<int>("--rounds") { Description = "Rounds of suggestions and votes.", DefaultValueFactory = _ => 10 };
        var communities = new Option<int>("--communities") { Description = "Simulated communities, 1–4, each with its own hidden taste.", DefaultValueFactory = _ => 4 };
        var photos = new Option<int>("--photos") { Description = "Photos each community gets a top 5 for in each round.", DefaultValueFactory = _ => 25 };
        var models = CommonOptions.Models();
        var threads = CommonOptions.Threads();
        var json = CommonOptions.Json();
        var command = new Command("personalisation",
            $"Replay thumbs from simulated communities with hidden tastes over the catalog and Emotion6 {Split} photos, learning each " +
            "community's preferences after every round, and report precision@5 per round with and without personalisation.")
            { data, catalog, rounds, communities, photos, models, threads, json };
        command.SetAction(result => Failures.Guard(() =>
        {
            var settings = new ReplaySettings(result.GetValue(rounds), result.GetValue(photos));
            if (settings.Rounds < 1 || settings.PhotosPerRound < 1) throw new ArgumentException("--rounds and --photos must be at least 1.");
            var emotion6 = result.GetValue(data) ?? throw new ArgumentException("--data is required (or set IMAGETOMUSIC_DATA).");
            var catalogFile = CommonOptions.Require(result.GetValue(catalog), "--catalog");
            var tracks = CatalogFile.ReadDistinct(catalogFile.FullName);
            var tastes = HiddenTaste.For(tracks);
            var count = result.GetValue(communities);
            if (count < 1 || count > tastes.Count)
                throw new ArgumentException($"--communities must be between 1 and {tastes.Count}.");

            using var analyzer = MoodAnalyzer.Open(new MoodAnalyzerOptions { ModelFolder = result.GetValue(models) });
            var index = CatalogIndex.Build(tracks, TrackMoodModelFile.Load(Path.Combine(ModelLocation.Resolve(result.GetValue(models)), TrackMoodModel.DefaultFileName)));
            var extracted = BatchExtraction.Extract(analyzer.Extractor, LabelledImageSets.LoadEmotion6(emotion6.FullName, Split),
                analyzer.Limits, analyzer.BackboneBlocks, result.GetValue(threads), Output.Progress("analysed"));
            foreach (var failure in extracted.Failures)
                Console.Error.WriteLine($"warning: skipped {failure.Image}: {failure.Error}: {failure.Message}");
            var replayPhotos = extracted.Extracted.Select((e, i) =>
            {
                var predicted = analyzer.Model.Full.Predict(e.Features);
                var labels = extracted.Images[i];
                return new ReplayPhoto(new MoodQuery(predicted.Valence, predicted.Arousal, e.Evidence), MusicMoods.QuadrantOf(labels.Valence, labels.Arousal));
            }).ToList();

            var chosen = tastes.Take(count).ToList();
            var replay = PersonalisationReplay.Run(index, replayPhotos, chosen, settings);
            var report = new
            {
                images = $"emotion6:{Split}",
                image_count = replayPhotos.Count,
                catalog = catalogFile.Name,
                catalog_tracks = index.Count,
                photos_per_round = Math.Min(settings.PhotosPerRound, replayPhotos.Count),
                noise_rate = settings.NoiseRate,
                seed = settings.Seed,
                max_shift = CommunityPreferences.MaxShift,
                communities = chosen.Select(t => new { name = t.Name, liked_share_of_catalog = tracks.Count(t.Likes) / (double)tracks.Count }),
                rounds = replay.Select(r => new
                {
                    round = r.Round,
                    personalised_precision_at_5 = r.Overall.Personalised,
                    unpersonalised_precision_at_5 = r.Overall.Unpersonalised,
                    per_community = r.PerCommunity.ToDictionary(kv => kv.Key, kv => new { personalised = kv.Value.Personalised, unpersonalised = kv.Value.Unpersonalised }),
                }),
            };
            if (result.GetValue(json)) Output.WriteJson(report);
            else WriteText(replay, chosen);
            return 0;
        }));
        return command;
    }

    private static void WriteText(IReadOnlyList<ReplayRound> replay, IReadOnlyList<HiddenTaste> communities)
    {
        Console.WriteLine("precision@5, personalised / unpersonalised");
        Console.WriteLine($"  {"round",5}  {"overall",13}  {string.Join("  ", communities.Select(c => $"{c.Name,22}"))}");
        foreach (var r in replay)
            Console.WriteLine($"  {r.Round,5}  {Pair(r.Overall),13}  {string.Join("  ", communities.Select(c => $"{Pair(r.PerCommunity[c.Name]),22}"))}");

        static string Pair(ReplayScore s) => $"{s.Personalised:F3} / {s.Unpersonalised:F3}";
    }
}
