using ImageToMusic.Engine;
using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Mood;
using ImageToMusic.Engine.Vision;

namespace ImageToMusic.Cli;

/// <summary>The mood as the CLI prints it in JSON: {valence, arousal, emotions, palette, evidence, source}.</summary>
internal sealed record MoodJson(
    double Valence,
    double Arousal,
    IReadOnlyDictionary<string, double> Emotions,
    IReadOnlyList<PaletteColour> Palette,
    EvidenceJson Evidence,
    SourceImageInfo Source)
{
    public static MoodJson From(MoodAnalysis analysis) => new(
        Math.Round(analysis.Valence, 3), Math.Round(analysis.Arousal, 3),
        analysis.Emotions.OrderByDescending(kv => kv.Value).ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 4)),
        analysis.Evidence.Palette, EvidenceJson.From(analysis.Evidence), analysis.Source);
}

/// <summary>The scalar evidence (the palette is printed once, beside it).</summary>
internal sealed record EvidenceJson(double Brightness, double Saturation, double Warmth, double Contrast, double Colourfulness, double EdgeDensity)
{
    public static EvidenceJson From(VisualEvidence e) => new(
        Math.Round(e.Brightness, 4), Math.Round(e.Saturation, 4), Math.Round(e.Warmth, 4),
        Math.Round(e.Contrast, 4), Math.Round(e.Colourfulness, 2), Math.Round(e.EdgeDensity, 4));
}

/// <summary>The mood as the CLI prints it in text: the lines `analyze` and `suggest` share.</summary>
internal static class MoodText
{
    public static void Write(MoodJson mood)
    {
        Console.WriteLine($"  valence   {mood.Valence:F1} / 9 ({MoodWords.Valence(mood.Valence)})    arousal {mood.Arousal:F1} / 9 ({MoodWords.Arousal(mood.Arousal)})");
        Console.WriteLine($"  emotions  {string.Join(", ", mood.Emotions.OrderByDescending(kv => kv.Value).Take(3).Select(kv => $"{kv.Key} {kv.Value * 100:F0}%"))}");
        Console.WriteLine($"  palette   {string.Join(", ", mood.Palette.Select(c => $"{c.Name} {c.Hex} {c.Share * 100:F0}%"))}");
    }
}
