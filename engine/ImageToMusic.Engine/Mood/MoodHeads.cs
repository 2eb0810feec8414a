namespace ImageToMusic.Engine.Mood;

/// <summary>
/// One complete predictor: block standardisers shared by three heads. Valence and arousal get a linear
/// calibration (ridge shrinks towards the mean) and are clamped to the 1–9 scale; emotion scores become
/// a distribution through a softmax whose temperature was fitted on validation data.
/// </summary>
public sealed class MoodHeads(
    IReadOnlyDictionary<string, FeatureBlock> standardisers,
    LinearHead valence, (double Offset, double Scale) valenceCalibration,
    LinearHead arousal, (double Offset, double Scale) arousalCalibration,
    LinearHead emotions, double emotionTemperature)
{
    public IReadOnlyDictionary<string, FeatureBlock> Standardisers { get; } = standardisers;
    public LinearHead Valence { get; } = valence;
    public (double Offset, double Scale) ValenceCalibration { get; } = valenceCalibration;
    public LinearHead Arousal { get; } = arousal;
    public (double Offset, double Scale) ArousalCalibration { get; } = arousalCalibration;
    public LinearHead EmotionScores { get; } = emotions;
    public double EmotionTemperature { get; } = emotionTemperature;

    public MoodEstimate Predict(ImageFeatures features)
    {
        var valence = Calibrate(Valence.Predict(features, Standardisers)[0], ValenceCalibration);
        var arousal = Calibrate(Arousal.Predict(features, Standardisers)[0], ArousalCalibration);
        var distribution = Softmax(EmotionScores.Predict(features, Standardisers), EmotionTemperature);
        return new MoodEstimate(valence, arousal,
            Emotions.All.Select((name, i) => (name, p: distribution[i])).ToDictionary(x => x.name, x => x.p));
    }

    private static double Calibrate(double raw, (double Offset, double Scale) calibration) =>
        Math.Clamp(calibration.Offset + calibration.Scale * raw, 1, 9);

    internal static double[] Softmax(double[] scores, double temperature)
    {
        var max = scores.Max();
        var exp = scores.Select(s => Math.Exp((s - max) / temperature)).ToArray();
        var sum = exp.Sum();
        return [.. exp.Select(e => e / sum)];
    }
}
