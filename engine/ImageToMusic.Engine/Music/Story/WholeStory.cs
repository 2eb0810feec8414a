using ImageToMusic.Engine.Music.Matching;

namespace ImageToMusic.Engine.Music.Story;

/// <summary>
/// <see cref="StoryMode.Whole"/>: one list for the story's combined mood (the photos' weights averaged, so a track's
/// score is its mean score over the photos), long enough for the target, ordered as an intensity arc.
/// </summary>
internal static class WholeStory
{
    public static List<StoryPick> Plan(CatalogIndex index, IReadOnlyList<MoodQuery> photos, IReadOnlyList<float[]> weights, StoryOptions options)
    {
        var story = StoryPlanner.MeanWeights(weights);
        var chosen = Choose(index, story, photos.Count, options);
        var rank = chosen.Select((c, k) => (c.Index, k)).ToDictionary(x => x.Index, x => x.k + 1);
        // The reason quotes the photo the track fits best: the story as a whole has no single picture to quote.
        return [.. IntensityArc(index, chosen).Select(c =>
            new StoryPick(null, Matcher.Describe(index, photos[BestFittingPhoto(index, weights, c.Index)], story, c, rank[c.Index])))];
    }

    /// <summary>
    /// The best tracks for the story in score order: one per photo, or with a target duration as many as it takes to
    /// reach it, so the total overshoots by less than the last track's length (falls short only when the catalog runs out).
    /// </summary>
    private static List<Candidate> Choose(CatalogIndex index, float[] story, int photos, StoryOptions options)
    {
        if (options.TargetDurationSeconds is not { } target)
            return Matcher.Candidates(index, story, options.Filters, photos);
        for (var count = (int)Math.Ceiling(target / StoryPlanner.AssumedTrackSeconds) + 1; ; count *= 2)
        {
            var ranked = Matcher.Candidates(index, story, options.Filters, count);
            var chosen = new List<Candidate>();
            var seconds = 0.0;
            foreach (var c in ranked)
            {
                chosen.Add(c);
                seconds += StoryPlanner.SecondsOf(index.Tracks[c.Index]);
                if (seconds >= target) return chosen;
            }
            if (ranked.Count < count) return chosen;
        }
    }

    /// <summary>
    /// Rising to the most intense track, then easing off: tracks sorted by the intensity axis (energy, tempo, loudness),
    /// every other one placed on the way up and the rest on the way down. Neighbours are at most two places apart in
    /// the sorted order, so no jump is large, and the story builds and resolves instead of lurching.
    /// </summary>
    private static IEnumerable<Candidate> IntensityArc(CatalogIndex index, List<Candidate> chosen)
    {
        var sorted = chosen
            .OrderBy(c => EvidenceAxis.Direction(EvidenceAxes.Intensity.TrackCues(index.Tracks[c.Index].Features)))
            .ToList();
        var rising = sorted.Where((_, k) => k % 2 == 0);
        var falling = sorted.Where((_, k) => k % 2 == 1).Reverse();
        return rising.Concat(falling);
    }

    private static int BestFittingPhoto(CatalogIndex index, IReadOnlyList<float[]> weights, int track)
    {
        var best = 0;
        for (var p = 1; p < weights.Count; p++)
            if (Matcher.ScoreOf(index, weights[p], track) > Matcher.ScoreOf(index, weights[best], track)) best = p;
        return best;
    }
}
