using ImageToMusic.Engine.Music.Matching;

namespace ImageToMusic.Engine.Music.Story;

/// <summary>
/// <see cref="StoryMode.PerImage"/>: tracks follow the photos in order, each from its photo's top candidates,
/// the sequence chosen by <see cref="SmoothPath"/> for fit and smooth transitions.
/// </summary>
internal static class PhotoByPhoto
{
    /// <summary>How far down each photo's ranking a pick may come from: far enough to find a smooth neighbour, near enough to fit.</summary>
    public const int CandidatesPerPhoto = 20;

    public static List<StoryPick> Plan(CatalogIndex index, IReadOnlyList<MoodQuery> photos, IReadOnlyList<float[]> weights, StoryOptions options)
    {
        var top = weights.Select(w => Matcher.Candidates(index, w, options.Filters, CandidatesPerPhoto)).ToList();
        var slots = SlotsPerPhoto(index, top, options.TargetDurationSeconds);
        var totalSlots = slots.Sum();
        // More slots than candidates could exhaust a list through no-repeats (see SmoothPath), so the lists grow with the story.
        if (totalSlots > CandidatesPerPhoto)
            top = weights.Select(w => Matcher.Candidates(index, w, options.Filters, totalSlots)).ToList();

        var photoOfSlot = Enumerable.Range(0, photos.Count).SelectMany(p => Enumerable.Repeat(p, slots[p])).ToList();
        var path = SmoothPath.Choose(index, [.. photoOfSlot.Select(p => top[p])]);
        return [.. path.Select(step =>
        {
            var p = photoOfSlot[step.Slot];
            var rank = top[p].IndexOf(step.Pick) + 1;
            return new StoryPick(p, Matcher.Describe(index, photos[p], weights[p], step.Pick, rank));
        })];
    }

    /// <summary>
    /// One track per photo, or with a target duration an equal share of it per photo: as many tracks as the target
    /// holds at the mean length of the photos' candidates, spread evenly, earlier photos taking the remainder. The
    /// total is therefore close to the target, not exact (the picks' lengths vary); the soundtrack reports it.
    /// </summary>
    private static int[] SlotsPerPhoto(CatalogIndex index, IReadOnlyList<List<Candidate>> top, double? targetSeconds)
    {
        var photos = top.Count;
        var tracks = photos;
        var lengths = top.SelectMany(list => list).Select(c => StoryPlanner.SecondsOf(index.Tracks[c.Index])).ToList();
        if (targetSeconds is { } target && lengths.Count > 0)
            tracks = Math.Max(photos, (int)Math.Round(target / lengths.Average()));
        return [.. Enumerable.Range(0, photos).Select(p => tracks / photos + (p < tracks % photos ? 1 : 0))];
    }
}
