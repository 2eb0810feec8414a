using ImageToMusic.Engine.Music.Matching;

namespace ImageToMusic.Engine.Music.Story;

/// <summary>
/// One soundtrack for the 1–20 photos of a story: either a track per photo in photo order, chosen for fit and
/// smooth transitions (<see cref="PhotoByPhoto"/>), or one list for the story's combined mood shaped as an arc
/// (<see cref="WholeStory"/>). No song or artist appears twice, and the same input always gives the same soundtrack.
/// </summary>
public static class StoryPlanner
{
    /// <summary>Length counted for a track whose catalog row has none: about a typical pop song (3½ minutes).</summary>
    public const double AssumedTrackSeconds = 210;

    public static StorySoundtrack Plan(CatalogIndex index, IReadOnlyList<MoodQuery> photos, StoryOptions options)
    {
        options.Validate(photos.Count);
        var weights = photos.Select(photo => Matcher.QueryWeights(index, photo, options.Filters.Tuning)).ToList();
        var picks = options.Mode == StoryMode.PerImage
            ? PhotoByPhoto.Plan(index, photos, weights, options)
            : WholeStory.Plan(index, photos, weights, options);
        var tracks = new List<StoryTrack>(picks.Count);
        for (var k = 0; k < picks.Count; k++)
        {
            var transition = k == 0 ? null : StoryTransition.Between(picks[k - 1].Suggestion.Track, picks[k].Suggestion.Track);
            tracks.Add(new StoryTrack(k + 1, picks[k].ImageIndex, picks[k].Suggestion, transition));
        }
        return new StorySoundtrack(tracks, tracks.Sum(t => SecondsOf(t.Suggestion.Track)), MoodOf(photos));
    }

    public static double SecondsOf(Track track) =>
        track.Features.DurationMs is { } ms ? ms / 1000.0 : AssumedTrackSeconds;

    /// <summary>
    /// The photos' column weights averaged. Weights are linear in the score, so a track's score under the mean is
    /// its mean score over the photos: the mean log mood fit (a fit around the photos' mean mood) and averaged
    /// evidence directions.
    /// </summary>
    internal static float[] MeanWeights(IReadOnlyList<float[]> weights)
    {
        var mean = new float[CatalogIndex.ColumnCount];
        foreach (var w in weights)
            for (var c = 0; c < mean.Length; c++) mean[c] += w[c] / weights.Count;
        return mean;
    }

    private static StoryMood MoodOf(IReadOnlyList<MoodQuery> photos)
    {
        var (valence, arousal) = (photos.Average(p => p.Valence), photos.Average(p => p.Arousal));
        return new StoryMood(valence, arousal, MusicMoods.WordOf(valence, arousal));
    }
}

/// <summary>A chosen track before it gets its place and transition.</summary>
internal sealed record StoryPick(int? ImageIndex, Suggestion Suggestion);
