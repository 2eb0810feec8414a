using ImageToMusic.Engine.Music;

namespace ImageToMusic.Engine.Feedback;

/// <summary>
/// Predicted mood against the mood people chose in surveys: <see cref="Counts"/>[predicted][chosen] over the
/// words of <see cref="MusicMoods.All"/>, and how often the two agree. Answers of "not sure" are not counted.
/// </summary>
public sealed record MoodConfusion(IReadOnlyList<string> Words, IReadOnlyList<IReadOnlyList<int>> Counts, Proportion Agreement)
{
    public int N => Agreement.N;

    public static MoodConfusion Compute(IEnumerable<(string Predicted, string Chosen)> pairs)
    {
        var words = MusicMoods.All;
        var counts = new int[words.Count, words.Count];
        foreach (var (predicted, chosen) in pairs)
            counts[IndexOf(predicted), IndexOf(chosen)]++;
        var rows = Enumerable.Range(0, words.Count).Select(p => (IReadOnlyList<int>)[.. Enumerable.Range(0, words.Count).Select(c => counts[p, c])]).ToList();
        var diagonal = Enumerable.Range(0, words.Count).Sum(i => counts[i, i]);
        return new MoodConfusion(words, rows, Proportion.Of(diagonal, rows.Sum(r => r.Sum())));
    }

    private static int IndexOf(string word) =>
        MusicMoods.IndexOf(word) is var i and >= 0 ? i : throw new ArgumentException($"'{word}' is not a mood word ({string.Join(", ", MusicMoods.All)}).");
}
