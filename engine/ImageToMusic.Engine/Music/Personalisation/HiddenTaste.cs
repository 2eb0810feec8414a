namespace ImageToMusic.Engine.Music.Personalisation;

/// <summary>A simulated community's taste, hidden from the ranking: which tracks it likes, mood aside.</summary>
public sealed record HiddenTaste(string Name, Func<Track, bool> Likes)
{
    /// <summary>
    /// Four contrasting tastes for a catalog: loves high energy, loves acoustic, prefers a genre (one held by
    /// under a third of the tracks, so preferring it is a real choice) or, without genres, loves danceable, and
    /// dislikes fast tempo.
    /// </summary>
    public static IReadOnlyList<HiddenTaste> For(IReadOnlyList<Track> catalog)
    {
        var genre = catalog.SelectMany(t => t.Genres.Select(g => g.Trim().ToLowerInvariant()).Distinct())
            .CountBy(g => g)
            .Where(g => g.Value < catalog.Count / 3)
            .OrderByDescending(g => g.Value).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .FirstOrDefault();
        return
        [
            new("loves high energy", t => t.Features.Energy >= 0.75),
            new("loves acoustic", t => t.Features.Acousticness >= 0.25),
            genre is null
                ? new("loves danceable", t => t.Features.Danceability >= 0.7)
                : new($"prefers {genre}", t => t.Genres.Any(g => string.Equals(g.Trim(), genre, StringComparison.OrdinalIgnoreCase))),
            new("dislikes fast tempo", t => t.Features.TempoBpm < 110),
        ];
    }
}
