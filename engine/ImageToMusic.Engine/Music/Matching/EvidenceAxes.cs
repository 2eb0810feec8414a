using ImageToMusic.Engine.Vision;
using static ImageToMusic.Engine.Music.Matching.Cue;

namespace ImageToMusic.Engine.Music.Matching;

/// <summary>
/// The visual → musical mapping. Image scales are centred on Emotion6's typical values (val split means,
/// one standard deviation ≈ ±1); track scales on the usual Spotify ranges. Weights are in log-fit units: all four
/// fully agreeing add 0.38, a fit ratio of e^0.38 ≈ 1.46, before <see cref="MatchTuning.EvidenceScale"/>.
/// See docs/matching.md for why.
/// </summary>
public static class EvidenceAxes
{
    /// <summary>Arousal, contrast and busy detail ↔ energy, tempo and loudness.</summary>
    public static readonly EvidenceAxis Intensity = new("intensity", 0.12,
        q =>
        [
            new(0.5, Scaled(q.Arousal, 5, 1.5), "lively mood", "calm mood"),
            new(0.3, Scaled(q.Evidence.Contrast, 0.23, 0.08), "high contrast", "soft contrast"),
            new(0.2, Scaled(q.Evidence.EdgeDensity, 0.19, 0.15), "busy detail", "still, open space"),
        ],
        f =>
        [
            new(0.5, Scaled(f.Energy, 0.5, 0.35), "energetic", "quiet"),
            new(0.25, Scaled(f.TempoBpm, 120, 30), "fast", "slow"),
            new(0.25, Scaled(f.LoudnessDb, -9, 6), "loud", "soft"),
        ]);

    /// <summary>Warm, soft, natural scenes ↔ acoustic; cool, hard, man-made ↔ electronic.</summary>
    public static readonly EvidenceAxis Organic = new("organic", 0.10,
        q =>
        [
            new(0.4, Scaled(q.Evidence.Warmth, 0.10, 0.18), "warm tones", "cool tones"),
            new(0.3, -Scaled(q.Evidence.Contrast, 0.23, 0.08), "gentle light", "hard light"),
            new(0.3, Scaled(NaturalShare(q.Evidence), 0.15, 0.2), "natural colours", "man-made colours"),
        ],
        f => [new(1, Scaled(f.Acousticness, 0.5, 0.4), "acoustic", "electronic")]);

    /// <summary>Pleasant, bright scenes ↔ cheerful-sounding (Spotify valence), major key; sombre, dark scenes ↔ sombre, minor key.</summary>
    public static readonly EvidenceAxis Brightness = new("brightness", 0.08,
        q =>
        [
            new(0.6, Scaled(q.Valence, 5, 1.5), "pleasant mood", "sombre mood"),
            new(0.4, Scaled(q.Evidence.Brightness, 0.41, 0.16), "bright palette", "dark palette"),
        ],
        f =>
        [
            new(0.6, Scaled(f.Valence, 0.45, 0.25), "cheerful", "sombre"),
            new(0.4, f.Mode switch { 1 => 1, 0 => -1, _ => 0 }, "major key", "minor key"),
        ]);

    /// <summary>Vivid, saturated colour ↔ danceable groove; muted colour ↔ unhurried, floating.</summary>
    public static readonly EvidenceAxis Vividness = new("vividness", 0.08,
        q =>
        [
            new(0.6, Scaled(q.Evidence.Colourfulness, 39, 29), "vivid colours", "muted colours"),
            new(0.4, Scaled(q.Evidence.Saturation, 0.36, 0.23), "saturated", "washed-out"),
        ],
        f => [new(1, Scaled(f.Danceability, 0.55, 0.2), "danceable", "unhurried")]);

    public static IReadOnlyList<EvidenceAxis> All { get; } = [Intensity, Organic, Brightness, Vividness];

    /// <summary>Share of the palette in greens, olives, browns and teals: foliage, earth, water.</summary>
    public static double NaturalShare(VisualEvidence e) =>
        e.Palette.Where(c => c.Name.Contains("green") || c.Name.Contains("olive") || c.Name.Contains("brown") || c.Name.Contains("teal")).Sum(c => c.Share);
}
