using ImageToMusic.Engine.Vision;
using MathNet.Numerics;

namespace ImageToMusic.Engine.Music.Matching;

/// <summary>
/// What the ranking needs from a photo: its valence and arousal (1–9) and the visual evidence. Built from
/// an analysis, or from human labels when measuring the ceiling.
/// </summary>
public sealed record MoodQuery(double Valence, double Arousal, VisualEvidence Evidence)
{
    /// <summary>
    /// How far a predicted valence/arousal typically is from the raters' (the mood model's residual standard
    /// deviation on Emotion6 val: 1.47 and 0.86). A prediction of 5.3 is therefore barely more likely
    /// pleasant than not, and the ranking hedges across quadrants accordingly.
    /// </summary>
    public const double ValenceUncertainty = 1.45;
    public const double ArousalUncertainty = 0.85;

    public static MoodQuery From(MoodAnalysis analysis) => new(analysis.Valence, analysis.Arousal, analysis.Evidence);

    /// <summary>Probability the photo's mood lies in each quadrant of <see cref="MusicMoods.All"/>.</summary>
    public void QuadrantProbabilities(Span<double> into)
    {
        var pleasant = Normal(Valence, ValenceUncertainty);
        var aroused = Normal(Arousal, ArousalUncertainty);
        for (var k = 0; k < into.Length; k++)
            into[k] = (MusicMoods.ValenceSign(k) > 0 ? pleasant : 1 - pleasant) * (MusicMoods.ArousalSign(k) > 0 ? aroused : 1 - aroused);

        static double Normal(double value, double sd) => 0.5 * (1 + SpecialFunctions.Erf((value - MusicMoods.Midpoint) / (sd * Math.Sqrt(2))));
    }
}
