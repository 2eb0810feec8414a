namespace ImageToMusic.Engine.Music.Catalog;

/// <summary>
/// How a second sighting of a song (same <see cref="Track.MatchKey"/>) is folded into the first: the
/// first keeps its id and audio features (ids are what stored recommendations point at, and one
/// consistent feature set per song is better than a blend); its missing details are filled in.
/// </summary>
public static class TrackMerge
{
    /// <summary>The existing track with gaps filled from the newcomer; the same instance when the newcomer adds nothing.</summary>
    public static Track Fill(Track existing, Track newcomer)
    {
        var addedGenres = newcomer.Genres.Except(existing.Genres, StringComparer.Ordinal).ToList();
        var gains = (existing.Album is null && newcomer.Album is not null)
            || addedGenres.Count > 0
            || (existing.Explicit is null && newcomer.Explicit is not null)
            || (existing.Year is null && newcomer.Year is not null)
            || (existing.Popularity is null && newcomer.Popularity is not null)
            || (existing.Link is null && newcomer.Link is not null);
        if (!gains) return existing;
        return existing with
        {
            Album = existing.Album ?? newcomer.Album,
            Genres = [.. existing.Genres, .. addedGenres],
            Explicit = existing.Explicit ?? newcomer.Explicit,
            Year = existing.Year ?? newcomer.Year,
            Popularity = existing.Popularity ?? newcomer.Popularity,
            Link = existing.Link ?? newcomer.Link,
        };
    }
}
