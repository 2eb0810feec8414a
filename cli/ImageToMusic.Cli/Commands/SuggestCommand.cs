using System.CommandLine;
using ImageToMusic.Engine;
using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Music.Matching;

namespace ImageToMusic.Cli.Commands;

/// <summary>`suggest`: the main job. Photos in; for each, its mood and the best-fitting tracks with reasons, recorded with ids.</summary>
internal static class SuggestCommand
{
    public static Command Create()
    {
        var images = new Argument<FileInfo[]>("images") { Description = "Photo files (JPEG, PNG, WebP, GIF, TIFF, HEIF/AVIF, ...).", Arity = ArgumentArity.OneOrMore };
        var top = new Option<int>("--top") { Description = $"Tracks per photo (1–{MatchOptions.MaxTop}).", DefaultValueFactory = _ => MatchOptions.DefaultTop };
        var genre = new Option<string?>("--genre") { Description = "Only tracks of this genre (where the catalog has genres)." };
        var noExplicit = new Option<bool>("--no-explicit") { Description = "Leave out tracks marked explicit." };
        var minTempo = new Option<double?>("--min-tempo") { Description = "Slowest tempo allowed, in BPM." };
        var maxTempo = new Option<double?>("--max-tempo") { Description = "Fastest tempo allowed, in BPM." };
        var nonSongs = new Option<bool>("--include-non-songs") { Description = "Also suggest what is not a song: noise, nature and sleep audio, tones, spoken word (left out by default)." };
        var community = new Option<string?>("--community") { Description = "Rank with what this community (a Discord guild, Teams team or API client id) has shown it likes in the store's votes." };
        var store = CommonOptions.Store();
        var models = CommonOptions.Models();
        var json = CommonOptions.Json();
        var limits = CommonOptions.Limits();
        var command = new Command("suggest", "Suggest music for photos: the mood of each photo and the tracks from the catalog that fit it, each with a reason.")
            { images, top, genre, noExplicit, minTempo, maxTempo, nonSongs, community, store, models, json };
        limits.AddTo(command);
        command.SetAction((result, cancellation) => Failures.Guard(async () =>
        {
            var options = new MatchOptions
            {
                Top = result.GetValue(top), Genre = result.GetValue(genre), ExcludeExplicit = result.GetValue(noExplicit),
                MinTempo = result.GetValue(minTempo), MaxTempo = result.GetValue(maxTempo), IncludeNonSongs = result.GetValue(nonSongs),
            };
            options.Validate();
            var imageLimits = limits.Read(result);
            await using var local = await LocalEngine.OpenAsync(result.GetValue(store), result.GetValue(models), imageLimits, cancellation);
            var recommender = local.Get<Recommender>();

            options = await recommender.ForCommunityAsync(options, result.GetValue(community), cancellation);
            var outcomes = new List<SuggestOutcome>();
            foreach (var file in result.GetValue(images)!) outcomes.Add(await SuggestAsync(recommender, file.FullName, imageLimits, options, cancellation));
            if (result.GetValue(json)) Output.WriteJson(outcomes.Count == 1 ? outcomes[0] : new { results = outcomes });
            else foreach (var outcome in outcomes) WriteText(outcome);
            return outcomes.Any(o => o.Error is not null) ? 1 : 0;
        }));
        return command;
    }

    internal sealed record SuggestOutcome(
        string Image, string? AnalysisId, string? RecommendationId, MoodJson? Mood, IReadOnlyList<SuggestionJson>? Tracks, string? ModelVersion, ErrorJson? Error);

    private static async Task<SuggestOutcome> SuggestAsync(Recommender recommender, string path, ImageLimits limits, MatchOptions options, CancellationToken cancellation)
    {
        try
        {
            var recommendation = await recommender.RecommendAsync(EncodedImageFile.Read(path, limits), path, options, cancellation: cancellation);
            return new SuggestOutcome(path, recommendation.AnalysisId, recommendation.RecommendationId, MoodJson.From(recommendation.Analysis),
                [.. recommendation.Tracks.Select(SuggestionJson.From)], recommendation.Analysis.ModelVersion, null);
        }
        catch (Exception e) when (ErrorJson.ForImage(e) is { } error)
        {
            return new SuggestOutcome(path, null, null, null, null, null, error);
        }
    }

    private static void WriteText(SuggestOutcome outcome)
    {
        Console.WriteLine(outcome.Image);
        if (outcome.Error is { } error)
        {
            Output.Error($"{outcome.Image}: {error.Code}: {error.Message}");
            return;
        }
        MoodText.Write(outcome.Mood!);
        if (outcome.Tracks!.Count == 0) Console.WriteLine("  no track in the catalog passes the filters");
        foreach (var track in outcome.Tracks)
        {
            var details = string.Join(", ", new[] { track.Album, track.Year?.ToString() }.Where(d => !string.IsNullOrEmpty(d)));
            Console.WriteLine($"  {track.Rank}. {track.Title} — {track.Artist}{(details.Length > 0 ? $" ({details})" : "")}   {track.Mood.ToLowerInvariant()}, fit {track.Fit * 100:0.0}%");
            Console.WriteLine($"     {track.Reason}");
        }
        Console.WriteLine($"  ids       analysis {outcome.AnalysisId}, recommendation {outcome.RecommendationId}");
    }
}
