namespace ImageToMusic.Engine.Mood;

/// <summary>
/// An image with human mood labels. Valence and arousal are on the 1–9 SAM scale. The emotion
/// keyword (Emotion6 folder) and the raters' 7-way distribution exist only for Emotion6-style data.
/// </summary>
public sealed record LabelledImage(
    string Path,
    string Id,
    double Valence,
    double Arousal,
    string? Keyword = null,
    double[]? EmotionDistribution = null);
