using ImageToMusic.Engine;
using System.Globalization;
using ImageToMusic.Engine.Music.Matching;
using ImageToMusic.Engine.Music.Story;
using ImageToMusic.Engine.Vision;
using ImageToMusic.Server.Hosting;

namespace ImageToMusic.Server.Endpoints;

/// <summary>
/// POST /api/story/soundtrack: 1–20 photos (multipart parts, or JSON naming blobs or https URLs) → each photo's
/// mood and one soundtrack for the story. Every photo's analysis is stored; per_image mode stores each photo's
/// track as that photo's recommendation, whole mode stores the story's list under the first photo's analysis.
/// </summary>
public static class StorySoundtrackEndpoint
{
    public sealed record StoryRequest(
        IReadOnlyList<ImageReference>? Images, string? Mode, double? TargetDurationSeconds, string? Genre, bool? ExcludeExplicit, double? MinTempo, double? MaxTempo,
        string? Community);

    public sealed record StoryImageJson(int Index, string Source, string AnalysisId, string? RecommendationId, MoodJson Mood, IReadOnlyList<PaletteColour> Palette);

    public sealed record StoryTrackJson(
        int Position, int? ImageIndex, string Id, string Title, string Artist, string Mood, double TempoBpm, double Energy, double DurationSeconds,
        double Fit, double Score, string Reason, double? TempoChangeBpm, double? EnergyChange);

    public sealed record StoryResponse(
        string Mode, IReadOnlyList<StoryImageJson> Images, MoodJson StoryMood, string StoryMoodWord, IReadOnlyList<StoryTrackJson> Tracks,
        double TotalDurationSeconds, string? RecommendationId);

    public static async Task<IResult> Handle(HttpRequest request, Recommender recommender, StoryService stories, StoryImages images, CancellationToken cancellation)
    {
        var (photos, options, community) = request.HasFormContentType
            ? await FromFormAsync(request, images, cancellation)
            : await FromJsonAsync(request, images, cancellation);
        // The API client's community ranks with what its thumbs (POST /api/feedback with that community) have taught.
        return await SoundtrackAsync(photos, options with { Filters = await recommender.ForCommunityAsync(options.Filters, community, cancellation) }, stories,
            cancellation);
    }

    /// <summary>
    /// POST /api/web/story, the home page's story mode: anonymous, so it takes uploaded photos only; naming blobs or
    /// URLs would let anyone read the uploads container or make the server fetch addresses for them.
    /// </summary>
    public static async Task<IResult> HandleUploads(HttpRequest request, StoryService stories, StoryImages images, CancellationToken cancellation)
    {
        if (!request.HasFormContentType)
            throw new ApiProblem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the photos as multipart/form-data.");
        var (photos, options, _) = await FromFormAsync(request, images, cancellation);
        return await SoundtrackAsync(photos, options, stories, cancellation);
    }

    private static async Task<IResult> SoundtrackAsync(IReadOnlyList<StoryPhoto> photos, StoryOptions options, StoryService stories, CancellationToken cancellation)
    {
        ComposedStory story;
        try
        {
            story = await stories.ComposeAsync(photos, options, cancellation);
        }
        catch (StoryPhotoRejectedException e)
        {
            throw ApiProblem.For(e.Reason, $"image {e.Photo.Index + 1} ({e.Photo.Source})");
        }
        var (soundtrack, analyses) = (story.Soundtrack, story.Analyses);
        return Results.Ok(new StoryResponse(
            options.Mode == StoryMode.Whole ? "whole" : "per_image",
            [.. photos.Select((p, i) => new StoryImageJson(p.Index, p.Source, story.Stored[i].AnalysisId, story.Stored[i].RecommendationId,
                MoodJson.Of(analyses[i].Valence, analyses[i].Arousal, analyses[i].Emotions), analyses[i].Evidence.Palette))],
            MoodJson.Of(soundtrack.Mood.Valence, soundtrack.Mood.Arousal), soundtrack.Mood.Word,
            [.. soundtrack.Tracks.Select(Json)],
            Math.Round(soundtrack.TotalDurationSeconds, 1),
            story.StoryRecommendationId));
    }

    private static StoryTrackJson Json(StoryTrack t)
    {
        var track = t.Suggestion.Track;
        return new StoryTrackJson(t.Position, t.ImageIndex, track.Id, track.Title, track.Artist, t.Suggestion.Mood.Word, track.Features.TempoBpm, track.Features.Energy,
            StoryPlanner.SecondsOf(track), Math.Round(t.Suggestion.Fit, 3), Math.Round(t.Suggestion.Score, 4), t.Suggestion.Reason,
            t.Transition is { } tr ? Math.Round(tr.TempoDeltaBpm, 1) : null, t.Transition is { } te ? Math.Round(te.EnergyDelta, 3) : null);
    }

    private static async Task<(IReadOnlyList<StoryPhoto>, StoryOptions, string? Community)> FromFormAsync(HttpRequest request, StoryImages images, CancellationToken cancellation)
    {
        var form = await Forms.ReadAsync(request, cancellation);
        string? Field(string name) => form.TryGetValue(name, out var v) && v.Count > 0 && !string.IsNullOrWhiteSpace(v[0]) ? v[0] : null;
        var options = Options(Field("mode"), Number(Field("target_duration_seconds"), "target_duration_seconds"), Field("genre"),
            Field("exclude_explicit") is { } e ? bool.TryParse(e, out var b) ? b : throw ApiProblem.BadRequest($"exclude_explicit must be true or false (got \"{e}\").") : null,
            Number(Field("min_tempo"), "min_tempo"), Number(Field("max_tempo"), "max_tempo"));
        Check(options, form.Files.Count);
        return (await images.FromFormAsync(form.Files, cancellation), options, Field("community"));
    }

    private static async Task<(IReadOnlyList<StoryPhoto>, StoryOptions, string? Community)> FromJsonAsync(HttpRequest request, StoryImages images, CancellationToken cancellation)
    {
        var body = await RequestJson.ReadAsync<StoryRequest>(request, cancellation);
        var options = Options(body.Mode, body.TargetDurationSeconds, body.Genre, body.ExcludeExplicit, body.MinTempo, body.MaxTempo);
        var references = body.Images ?? throw ApiProblem.BadRequest("images is required: 1 to 20 of {\"blob\": name} or {\"url\": \"https://…\"}.");
        Check(options, references.Count);
        return (await images.FromReferencesAsync(references, cancellation), options, body.Community);
    }

    /// <summary>Options and photo count are checked before any photo is fetched or analysed.</summary>
    private static void Check(StoryOptions options, int photos)
    {
        StoryImages.CheckCount(photos);
        try
        {
            options.Validate(photos);
        }
        catch (ArgumentException e)
        {
            throw ApiProblem.BadRequest(e.Message);
        }
    }

    private static StoryOptions Options(string? mode, double? duration, string? genre, bool? excludeExplicit, double? minTempo, double? maxTempo)
    {
        var options = new StoryOptions
        {
            Mode = mode?.ToLowerInvariant() switch
            {
                null or "per_image" => StoryMode.PerImage,
                "whole" => StoryMode.Whole,
                _ => throw ApiProblem.BadRequest($"mode must be per_image or whole (got \"{mode}\")."),
            },
            TargetDurationSeconds = duration,
            Filters = new MatchOptions { Genre = genre, ExcludeExplicit = excludeExplicit ?? false, MinTempo = minTempo, MaxTempo = maxTempo },
        };
        return options;
    }

    private static double? Number(string? text, string name) =>
        text is null ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value
        : throw ApiProblem.BadRequest($"{name} must be a finite number (got \"{text}\").");
}
