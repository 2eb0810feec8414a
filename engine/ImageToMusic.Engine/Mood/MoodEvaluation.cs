namespace ImageToMusic.Engine.Mood;

/// <summary>The output of `eval mood`: the full model and the colour-only baseline scored on the same images.</summary>
public sealed record MoodEvaluation(
    string ModelVersion,
    MoodScores Full,
    MoodScores ColourOnly,
    IReadOnlyList<ImageFailure> Failures)
{
    public static MoodEvaluation Score(MoodModel model, ExtractedSet set)
    {
        if (set.Images.Count == 0)
            throw new InvalidOperationException($"No image could be analysed ({set.Failures.Count} failed); nothing to score.");
        var features = set.Extracted.Select(e => e.Features).ToList();
        return new MoodEvaluation(model.Version,
            MoodScores.Compute(set.Images, [.. features.Select(model.Full.Predict)]),
            MoodScores.Compute(set.Images, [.. features.Select(model.ColourOnly.Predict)]),
            set.Failures);
    }

    /// <summary>The metrics on which the full model does not beat the colour-only baseline (empty when it wins everywhere).</summary>
    public IReadOnlyList<string> MetricsNotBeatingBaseline() =>
        [.. MoodScores.Metrics
            .Where(m => m.Value(Full) is { } full && m.Value(ColourOnly) is { } baseline
                        && (m.HigherIsBetter ? full <= baseline : full >= baseline))
            .Select(m => m.Name)];
}
