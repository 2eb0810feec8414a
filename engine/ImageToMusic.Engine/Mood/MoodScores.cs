using System.Text.Json.Serialization;

namespace ImageToMusic.Engine.Mood;

/// <summary>How well predicted moods match human labels; the JSON names are the public contract of `eval mood`.</summary>
public sealed record MoodScores(
    [property: JsonPropertyName("n")] int Count,
    [property: JsonPropertyName("valence_r")] double ValenceR,
    [property: JsonPropertyName("arousal_r")] double ArousalR,
    [property: JsonPropertyName("valence_mae")] double ValenceMae,
    [property: JsonPropertyName("arousal_mae")] double ArousalMae,
    [property: JsonPropertyName("valence_sign_accuracy")] double? ValenceSignAccuracy,
    [property: JsonPropertyName("valence_sign_n")] int ValenceSignCount,
    [property: JsonPropertyName("emotion_top1_accuracy")] double? EmotionTop1Accuracy)
{
    /// <summary>One reported metric: its JSON name, how to read it, and which direction is better.</summary>
    public sealed record Metric(string Name, Func<MoodScores, double?> Value, bool HigherIsBetter);

    /// <summary>The metrics every report lists, in order (n excluded).</summary>
    public static IReadOnlyList<Metric> Metrics { get; } =
    [
        new("valence_r", s => s.ValenceR, true),
        new("arousal_r", s => s.ArousalR, true),
        new("valence_mae", s => s.ValenceMae, false),
        new("arousal_mae", s => s.ArousalMae, false),
        new("valence_sign_accuracy", s => s.ValenceSignAccuracy, true),
        new("emotion_top1_accuracy", s => s.EmotionTop1Accuracy, true),
    ];

    /// <summary>Images whose true valence is within this distance of the neutral 5 are too ambiguous to score a side.</summary>
    public const double SignMargin = 1.0;

    public static MoodScores Compute(IReadOnlyList<LabelledImage> truth, IReadOnlyList<MoodEstimate> predicted)
    {
        if (truth.Count != predicted.Count) throw new ArgumentException("One prediction per labelled image is required.");
        if (truth.Count == 0) throw new ArgumentException("Cannot score an empty set of images.");
        var valence = predicted.Select(p => p.Valence).ToArray();
        var arousal = predicted.Select(p => p.Arousal).ToArray();
        var trueValence = truth.Select(t => t.Valence).ToArray();
        var trueArousal = truth.Select(t => t.Arousal).ToArray();

        var sided = Enumerable.Range(0, truth.Count).Where(i => Math.Abs(trueValence[i] - 5) >= SignMargin).ToArray();
        double? signAccuracy = sided.Length == 0 ? null
            : sided.Count(i => Math.Sign(valence[i] - 5) == Math.Sign(trueValence[i] - 5)) / (double)sided.Length;

        var keyworded = Enumerable.Range(0, truth.Count).Where(i => truth[i].Keyword is not null).ToArray();
        double? top1 = keyworded.Length == 0 ? null
            : keyworded.Count(i => predicted[i].TopKeyword == truth[i].Keyword) / (double)keyworded.Length;

        return new MoodScores(truth.Count,
            Pearson(valence, trueValence), Pearson(arousal, trueArousal),
            MeanAbsoluteError(valence, trueValence), MeanAbsoluteError(arousal, trueArousal),
            signAccuracy, sided.Length, top1);
    }

    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.Sqrt(sxx * syy); // a constant prediction carries no correlation
    }

    private static double MeanAbsoluteError(double[] x, double[] y) => x.Zip(y, (a, b) => Math.Abs(a - b)).Average();
}
