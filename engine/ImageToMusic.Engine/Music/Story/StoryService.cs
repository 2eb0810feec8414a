using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Music.Matching;
using ImageToMusic.Engine.Storage;

namespace ImageToMusic.Engine.Music.Story;

/// <summary>One photo of a story: where it came from and its bytes.</summary>
public sealed record StoryPhoto(int Index, string Source, byte[] Bytes);

/// <summary>A photo of a story the decoder refused; nothing of the story was stored.</summary>
public sealed class StoryPhotoRejectedException(StoryPhoto photo, ImageRejectedException reason)
    : Exception($"Photo {photo.Index + 1} ({photo.Source}): {reason.Message}", reason)
{
    public StoryPhoto Photo { get; } = photo;
    public ImageRejectedException Reason { get; } = reason;
}

/// <summary>A composed story: its soundtrack, each photo's analysis, and the ids each was stored under.</summary>
/// <param name="Stored">Per photo: its analysis id, and the recommendation holding its tracks (null when it has none of its own).</param>
/// <param name="StoryRecommendationId">In <see cref="StoryMode.Whole"/>, the one recommendation holding the whole soundtrack.</param>
public sealed record ComposedStory(
    StorySoundtrack Soundtrack,
    IReadOnlyList<MoodAnalysis> Analyses,
    IReadOnlyList<(string AnalysisId, string? RecommendationId)> Stored,
    string? StoryRecommendationId);

/// <summary>
/// A soundtrack for several photos: analyse each, plan the soundtrack, and record every analysis with the
/// recommendation its tracks belong to, so feedback on a story's tracks works like any other. What the story API
/// calls; it only translates the request and the reply.
/// </summary>
public sealed class StoryService(Recommender recommender, IAnalysisStore store, TimeProvider? clock = null)
{
    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    /// <summary>Throws <see cref="StoryPhotoRejectedException"/> for the first photo the decoder refuses, before anything is stored.</summary>
    public async Task<ComposedStory> ComposeAsync(IReadOnlyList<StoryPhoto> photos, StoryOptions options, CancellationToken cancellation = default)
    {
        var analyses = photos.Select(photo =>
        {
            try
            {
                return recommender.Analyzer.Analyze(photo.Bytes);
            }
            catch (ImageRejectedException e)
            {
                throw new StoryPhotoRejectedException(photo, e);
            }
        }).ToList();
        var soundtrack = StoryPlanner.Plan(recommender.Catalog, [.. analyses.Select(MoodQuery.From)], options);
        var (stored, storyId) = await RecordAsync(photos, analyses, soundtrack, options, clock.GetUtcNow(), cancellation);
        return new ComposedStory(soundtrack, analyses, stored, options.Mode == StoryMode.Whole ? storyId : null);
    }

    private async Task<(List<(string, string?)> Stored, string StoryId)> RecordAsync(
        IReadOnlyList<StoryPhoto> photos, IReadOnlyList<MoodAnalysis> analyses, StorySoundtrack soundtrack, StoryOptions options, DateTimeOffset now,
        CancellationToken cancellation)
    {
        var storyId = RecordIds.NewRecommendationId();
        var stored = new List<(string, string?)>(photos.Count);
        for (var i = 0; i < photos.Count; i++)
        {
            var record = AnalysisRecord.Of(analyses[i], photos[i].Bytes, RecordIds.NewAnalysisId(), now, photos[i].Source);
            // Whole: the first photo's recommendation holds the soundtrack, the others point at it. Per image: each its own tracks.
            var (recommendationId, tracks, note) = options.Mode == StoryMode.Whole
                ? (i == 0 ? storyId : RecordIds.NewRecommendationId(), i == 0 ? soundtrack.Tracks : [], i == 0 ? $"story whole of {photos.Count} photos" : $"photo {i + 1} of story {storyId}")
                : (RecordIds.NewRecommendationId(), soundtrack.Tracks.Where(t => t.ImageIndex == i).ToList(), $"story per_image, photo {i + 1} of {photos.Count}");
            await store.SaveAsync(record, new RecommendationRecord(recommendationId, record.Id, now, $"{note} {options.Filters.Describe()}".Trim(),
                [.. tracks.Select(t => new RecommendedTrack(t.Position, t.Suggestion.Track.Id, t.Suggestion.Track.Title, t.Suggestion.Track.Artist, t.Suggestion.Score, t.Suggestion.Reason))]),
                cancellation);
            stored.Add((record.Id, tracks.Count > 0 ? recommendationId : null));
        }
        return (stored, storyId);
    }
}
