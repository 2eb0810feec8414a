using ImageToMusic.Engine.Vision;

namespace ImageToMusic.Engine.Music.Matching;

/// <summary>
/// What the ranking needs from a photo: its valence and arousal (1–9) and the visual evidence. Built from
/// an analysis, or from human labels when measuring the ceiling.
/// </summary>
public sealed record MoodQuery(double Valence, double Arousal, VisualEvidence Evidence)
{
    public static MoodQuery From(MoodAnalysis analysis) => new(analysis.Valence, analysis.Arousal, analysis.Evidence);
}
