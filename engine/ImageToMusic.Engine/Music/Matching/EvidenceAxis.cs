namespace ImageToMusic.Engine.Music.Matching;

/// <summary>
/// One measurement on one side of an axis: how much it counts, where it lies in −1 … 1, and the words for
/// either direction (what a reason quotes).
/// </summary>
public readonly record struct Cue(double Weight, double Strength, string Positive, string Negative)
{
    /// <summary>x scaled so that ±<paramref name="scale"/> from <paramref name="centre"/> reaches ±1, clamped.</summary>
    public static double Scaled(double x, double centre, double scale) => Math.Clamp((x - centre) / scale, -1, 1);
}

/// <summary>
/// One visual → musical correspondence (the table is <see cref="EvidenceAxes.All"/>, explained in
/// docs/matching.md). The image's cues set a direction in −1 … 1, the track's cues say where it lies;
/// their product times <see cref="Weight"/> is added to the track's score.
/// </summary>
public sealed record EvidenceAxis(
    string Name,
    double Weight,
    Func<MoodQuery, Cue[]> ImageCues,
    Func<AudioFeatures, Cue[]> TrackCues)
{
    /// <summary>Where cues point, −1 … 1 when their weights sum to 1.</summary>
    public static double Direction(ReadOnlySpan<Cue> cues)
    {
        var sum = 0.0;
        foreach (var cue in cues) sum += cue.Weight * cue.Strength;
        return sum;
    }

    /// <summary>Words for the cues that push the way <paramref name="sign"/> says, strongest first.</summary>
    public static IEnumerable<string> Words(IEnumerable<Cue> cues, double sign, int max = 2) =>
        cues.Where(c => c.Strength * sign >= 0.25)
            .OrderByDescending(c => c.Weight * Math.Abs(c.Strength))
            .Take(max)
            .Select(c => sign >= 0 ? c.Positive : c.Negative);
}
