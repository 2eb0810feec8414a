namespace ImageToMusic.Engine.Music.Matching;

/// <summary>
/// The one-line reason shown beside a track: the image evidence on the left, the musical properties that
/// answer it on the right, then the track's own measurements and mood, e.g. "calm mood, soft contrast, warm tones →
/// quiet, slow, acoustic; 72 BPM, energy 21%, major; calm". Built from the same axes that scored the track, so it never
/// claims a link the ranking did not use; the measurements are what tell five tracks chosen for the same reasons apart.
/// </summary>
public static class Reasons
{
    private const int AxesQuoted = 2;
    private const int WordsPerSide = 3;

    public static string For(MoodQuery query, AudioFeatures features, TrackMood mood)
    {
        var aligned = EvidenceAxes.All
            .Select(axis => (axis, image: axis.ImageCues(query), track: axis.TrackCues(features)))
            .Select(x => (x.axis, x.image, x.track, direction: EvidenceAxis.Direction(x.image),
                          contribution: x.axis.Weight * EvidenceAxis.Direction(x.image) * EvidenceAxis.Direction(x.track)))
            .Where(x => x.contribution > 0)
            .OrderByDescending(x => x.contribution)
            .Take(AxesQuoted)
            .ToList();
        var imageWords = aligned.SelectMany(x => EvidenceAxis.Words(x.image, Math.Sign(x.direction))).Distinct().Take(WordsPerSide).ToList();
        var trackWords = aligned.SelectMany(x => EvidenceAxis.Words(x.track, Math.Sign(x.direction))).Distinct().Take(WordsPerSide).ToList();
        var moodWord = mood.Word.ToLowerInvariant();
        var measured = Measurements(features);
        if (imageWords.Count == 0 || trackWords.Count == 0)
            return $"{MoodPhrase(query)} → {moodWord} track; {measured}";
        return $"{string.Join(", ", imageWords)} → {string.Join(", ", trackWords)}; {measured}; {moodWord}";
    }

    /// <summary>The track's tempo, energy and key in a person's words, e.g. "72 BPM, energy 21%, major".</summary>
    public static string Measurements(AudioFeatures features)
    {
        var key = features.Mode switch { 1 => ", major", 0 => ", minor", _ => "" };
        return FormattableString.Invariant($"{features.TempoBpm:0} BPM, energy {features.Energy * 100:0}%{key}");
    }

    /// <summary>The photo's mood in two words, from the side of the midpoint valence and arousal fall on.</summary>
    public static string MoodPhrase(MoodQuery query) =>
        $"{(query.Arousal >= MusicMoods.Midpoint ? "lively" : "calm")}, {(query.Valence >= MusicMoods.Midpoint ? "pleasant" : "sombre")} mood";
}
