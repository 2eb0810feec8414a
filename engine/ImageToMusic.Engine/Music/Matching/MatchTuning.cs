namespace ImageToMusic.Engine.Music.Matching;

/// <summary>
/// The matcher's few numbers, chosen on Emotion6 val with `eval match --split val` (docs/matching.md has the
/// sweep). Photo and track sit in one mood plane (valence × arousal, 1–9). A photo's predicted mood is placed among
/// the tracks by stretching it away from the plane's midpoint 5, where both photo and track moods change quadrant
/// (predictions regress towards the middle, arousal's most: <see cref="ValenceGain"/>, <see cref="ArousalGain"/>), and a
/// track's mood fit is a Gaussian of its distance from that place, whose width per axis combines how uncertain the
/// photo's predicted mood is (the model's residual deviation on val, carried through the same line) with how loosely
/// a track's audio places it (<see cref="TrackSpread"/>).
/// </summary>
public sealed record MatchTuning
{
    /// <summary>Track-plane units per predicted unit away from the midpoint.</summary>
    public double ValenceGain { get; init; } = 2.5;
    public double ArousalGain { get; init; } = 9.0;

    /// <summary>Residual standard deviations of the mood model on Emotion6 val: how far a predicted valence/arousal typically is from the raters'.</summary>
    public double PhotoValenceUncertainty { get; init; } = 1.28;
    public double PhotoArousalUncertainty { get; init; } = 0.85;

    /// <summary>How far a track's place (from its calibrated mood probabilities) is trusted, on the same scale.</summary>
    public double TrackSpread { get; init; } = 1.0;

    /// <summary>
    /// Multiplies every <see cref="EvidenceAxes"/> weight. The evidence terms are added to the log of the mood fit,
    /// so at 1 the strongest evidence moves a track as much as a fit ratio of e^(Σ weights).
    /// </summary>
    public double EvidenceScale { get; init; } = 1.5;

    public static MatchTuning Default { get; } = new();

    public double ValenceWidth => Width(ValenceGain * PhotoValenceUncertainty);
    public double ArousalWidth => Width(ArousalGain * PhotoArousalUncertainty);

    private double Width(double photo) => Math.Sqrt(photo * photo + TrackSpread * TrackSpread);

    public void Validate()
    {
        double[] all = [PhotoValenceUncertainty, PhotoArousalUncertainty, TrackSpread, ValenceGain, ArousalGain];
        if (all.Any(v => !double.IsFinite(v) || v <= 0)) throw new ArgumentException("Match spreads and gains must be positive numbers.");
        if (!double.IsFinite(EvidenceScale) || EvidenceScale < 0) throw new ArgumentException("The evidence scale must be a number ≥ 0.");
    }
}
