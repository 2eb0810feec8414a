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

    /// <summary>The metrics of the full model on which the colour-only baseline is not beaten (empty when it wins everywhere).</summary>
    public IReadOnlyList<string> MetricsNotBeatingBaseline()
    {
        var lost = new List<string>();
        if (Full.ValenceR <= ColourOnly.ValenceR) lost.Add("valence_r");
        if (Full.ArousalR <= ColourOnly.ArousalR) lost.Add("arousal_r");
        if (Full.ValenceMae >= ColourOnly.ValenceMae) lost.Add("valence_mae");
        if (Full.ArousalMae >= ColourOnly.ArousalMae) lost.Add("arousal_mae");
        if (Full.ValenceSignAccuracy <= ColourOnly.ValenceSignAccuracy) lost.Add("valence_sign_accuracy");
        if (Full.EmotionTop1Accuracy <= ColourOnly.EmotionTop1Accuracy) lost.Add("emotion_top1_accuracy");
        return lost;
    }
}
