namespace ImageToMusic.Engine.Mood;

/// <summary>Plain words for positions on the 1–9 SAM scales, shared by every door that shows a mood to people.</summary>
public static class MoodWords
{
    public static string Valence(double v) => v switch { < 3.5 => "unpleasant", < 4.5 => "somewhat unpleasant", <= 5.5 => "neutral", <= 6.5 => "somewhat pleasant", _ => "pleasant" };
    public static string Arousal(double a) => a switch { < 3.5 => "calm", < 4.5 => "fairly calm", <= 5.5 => "moderate", <= 6.5 => "lively", _ => "intense" };
}
