namespace ImageToMusic.Engine.Music;

/// <summary>
/// Audio features → probabilities of Happy, Sad, Energetic, Calm: multinomial logistic regression on
/// standardised features, calibrated on human-labelled tracks. Thread-safe and allocation-light, so a
/// million tracks can be scored when a catalog index is built.
/// </summary>
public sealed class TrackMoodModel
{
    public const string DefaultFileName = "track-moods.json";

    /// <summary>Distance of a quadrant centre from the midpoint on the 1–9 scale (centres at 2 and 8).</summary>
    public const double QuadrantHalfWidth = 3.0;

    /// <summary>The features read, in the order of <see cref="Means"/> and the weight columns.</summary>
    public static IReadOnlyList<string> FeatureNames { get; } =
        ["valence", "energy", "danceability", "acousticness", "instrumentalness", "speechiness", "liveness", "tempo", "loudness"];

    /// <param name="weights">One row per mood of <see cref="MusicMoods.All"/>: a weight per feature, then the bias.</param>
    public TrackMoodModel(string version, string trainedOn, double[] means, double[] stds, double[][] weights)
    {
        if (means.Length != FeatureNames.Count || stds.Length != FeatureNames.Count)
            throw new InvalidDataException($"A track mood model needs {FeatureNames.Count} means and deviations, got {means.Length} and {stds.Length}.");
        if (weights.Length != MusicMoods.All.Count || weights.Any(w => w.Length != FeatureNames.Count + 1))
            throw new InvalidDataException($"A track mood model needs {MusicMoods.All.Count} weight rows of {FeatureNames.Count + 1}.");
        if (stds.Any(s => !(s > 0)))
            throw new InvalidDataException("Every feature deviation of a track mood model must be positive.");
        Version = version;
        TrainedOn = trainedOn;
        Means = means;
        Stds = stds;
        Weights = weights;
    }

    public string Version { get; }
    public string TrainedOn { get; }
    public IReadOnlyList<double> Means { get; }
    public IReadOnlyList<double> Stds { get; }
    public IReadOnlyList<IReadOnlyList<double>> Weights { get; }

    public static void Read(AudioFeatures f, Span<double> into)
    {
        into[0] = f.Valence; into[1] = f.Energy; into[2] = f.Danceability; into[3] = f.Acousticness;
        into[4] = f.Instrumentalness; into[5] = f.Speechiness; into[6] = f.Liveness; into[7] = f.TempoBpm; into[8] = f.LoudnessDb;
    }

    /// <summary>Writes the four mood probabilities (order of <see cref="MusicMoods.All"/>) into <paramref name="probabilities"/>.</summary>
    public void Probabilities(AudioFeatures features, Span<double> probabilities)
    {
        Span<double> raw = stackalloc double[FeatureNames.Count];
        Read(features, raw);
        var max = double.NegativeInfinity;
        for (var k = 0; k < probabilities.Length; k++)
        {
            var row = Weights[k];
            var z = row[^1];
            for (var j = 0; j < raw.Length; j++) z += row[j] * (raw[j] - Means[j]) / Stds[j];
            probabilities[k] = z;
            max = Math.Max(max, z);
        }
        var sum = 0.0;
        for (var k = 0; k < probabilities.Length; k++) sum += probabilities[k] = Math.Exp(probabilities[k] - max);
        for (var k = 0; k < probabilities.Length; k++) probabilities[k] /= sum;
    }

    public TrackMood Predict(AudioFeatures features)
    {
        Span<double> p = stackalloc double[MusicMoods.All.Count];
        Probabilities(features, p);
        return FromProbabilities(p);
    }

    /// <summary>The position a probability vector implies: the expected quadrant centre.</summary>
    public static TrackMood FromProbabilities(ReadOnlySpan<double> p)
    {
        double valence = MusicMoods.Midpoint, arousal = MusicMoods.Midpoint;
        var best = 0;
        var scores = new Dictionary<string, double>(MusicMoods.All.Count);
        for (var k = 0; k < p.Length; k++)
        {
            valence += QuadrantHalfWidth * MusicMoods.ValenceSign(k) * p[k];
            arousal += QuadrantHalfWidth * MusicMoods.ArousalSign(k) * p[k];
            if (p[k] > p[best]) best = k;
            scores[MusicMoods.All[k]] = p[k];
        }
        return new TrackMood(valence, arousal, MusicMoods.All[best], scores);
    }
}
