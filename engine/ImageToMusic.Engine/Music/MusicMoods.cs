namespace ImageToMusic.Engine.Music;

/// <summary>
/// The four mood words tracks are labelled with, and where each sits in the image mood space
/// (valence × arousal, split at the scale's midpoint 5). This is the fixed mapping `eval match`
/// uses, so figures stay comparable over time.
/// </summary>
public static class MusicMoods
{
    public const string Happy = "Happy";
    public const string Sad = "Sad";
    public const string Energetic = "Energetic";
    public const string Calm = "Calm";

    /// <summary>Index order of every probability vector over moods.</summary>
    public static IReadOnlyList<string> All { get; } = [Happy, Sad, Energetic, Calm];

    public const double Midpoint = 5.0;

    /// <summary>Happy: pleasant and aroused; Calm: pleasant, low arousal; Energetic: unpleasant (tense), aroused; Sad: unpleasant, low arousal.</summary>
    public static int QuadrantOf(double valence, double arousal) => (valence >= Midpoint, arousal >= Midpoint) switch
    {
        (true, true) => 0,
        (false, false) => 1,
        (false, true) => 2,
        (true, false) => 3,
    };

    /// <summary>The mood word of a point in the image mood space, e.g. "Calm".</summary>
    public static string WordOf(double valence, double arousal) => All[QuadrantOf(valence, arousal)];

    /// <summary>+1 where the mood is pleasant (Happy, Calm), −1 where not.</summary>
    public static int ValenceSign(int mood) => mood is 0 or 3 ? 1 : -1;

    /// <summary>+1 where the mood is aroused (Happy, Energetic), −1 where not.</summary>
    public static int ArousalSign(int mood) => mood is 0 or 2 ? 1 : -1;

    public static int IndexOf(string word)
    {
        for (var i = 0; i < All.Count; i++)
            if (string.Equals(All[i], word, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}
