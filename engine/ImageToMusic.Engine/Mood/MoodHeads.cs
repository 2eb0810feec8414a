namespace ImageToMusic.Engine.Mood;

/// <summary>
/// One complete predictor: block standardisers shared by three heads. Valence and arousal get a linear
/// calibration (ridge shrinks towards the mean) and are clamped to the 1–9 scale; emotion scores become
/// a distribution through softmax(scale·score + bias), fitted on validation data to the raters' distributions.
/// </summary>
public sealed class MoodHeads(
    IReadOnlyDictionary<string, FeatureBlock> standardisers,
    LinearHead valence, (double Offset, double Scale) valenceCalibration,
    LinearHead arousal, (double Offset, double Scale) arousalCalibration,
    LinearHead emotions, EmotionCalibration emotionCalibration)
{
    public IReadOnlyDictionary<string, FeatureBlock> Standardisers { get; } = standardisers;
    public LinearHead Valence { get; } = valence;
    public (double Offset, double Scale) ValenceCalibration { get; } = valenceCalibration;
    public LinearHead Arousal { get; } = arousal;
    public (double Offset, double Scale) ArousalCalibration { get; } = arousalCalibration;
    public LinearHead EmotionScores { get; } = emotions;
    public EmotionCalibration EmotionCalibration { get; } = emotionCalibration;

    public MoodEstimate Predict(ImageFeatures features)
    {
        var valence = Calibrate(Valence.Predict(features, Standardisers)[0], ValenceCalibration);
        var arousal = Calibrate(Arousal.Predict(features, Standardisers)[0], ArousalCalibration);
        var distribution = EmotionCalibration.Apply(EmotionScores.Predict(features, Standardisers));
        return new MoodEstimate(valence, arousal,
            Emotions.All.Select((name, i) => (name, p: distribution[i])).ToDictionary(x => x.name, x => x.p));
    }

    private static double Calibrate(double raw, (double Offset, double Scale) calibration) =>
        Math.Clamp(calibration.Offset + calibration.Scale * raw, 1, 9);
}

/// <summary>
/// Turns emotion scores into probabilities: softmax(Scale·score + Bias). A bias lets a class the scores
/// never favour (neutral, for a head trained on keywords) keep its base rate.
/// </summary>
public sealed record EmotionCalibration(double Scale, double[] Bias)
{
    public double[] Apply(double[] scores)
    {
        var logits = scores.Select((s, i) => Scale * s + Bias[i]).ToArray();
        var max = logits.Max();
        var exp = logits.Select(l => Math.Exp(l - max)).ToArray();
        var sum = exp.Sum();
        return [.. exp.Select(e => e / sum)];
    }
}
