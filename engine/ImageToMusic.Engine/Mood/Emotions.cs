namespace ImageToMusic.Engine.Mood;

/// <summary>The emotion vocabulary of Emotion6: six search keywords plus neutral, in the dataset's column order.</summary>
public static class Emotions
{
    public static IReadOnlyList<string> All { get; } = ["anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral"];

    /// <summary>The six keywords an image can be filed under (everything but neutral).</summary>
    public static IReadOnlyList<string> Keywords { get; } = All.Take(6).ToList();

    public static int IndexOf(string name)
    {
        for (var i = 0; i < All.Count; i++)
            if (string.Equals(All[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}
