namespace ImageToMusic.Engine.Music.Catalog;

/// <summary>
/// How a second sighting of a song (same <see cref="Track.MatchKey"/>) is folded into the first: the
/// first keeps its id and measured audio features (ids are what stored recommendations point at, and one
/// consistent feature set per song is better than a blend); its missing details are filled in, including
/// the optional features it lacks (the mood-labelled catalog has no mode, which matching reads).
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
            || (existing.Link is null && newcomer.Link is not null)
            || (existing.SongOverride is null && newcomer.SongOverride is not null)
            || (existing.Features.Key is null && newcomer.Features.Key is not null)
            || (existing.Features.Mode is null && newcomer.Features.Mode is not null)
            || (existing.Features.DurationMs is null && newcomer.Features.DurationMs is not null)
            || (existing.Features.TimeSignature is null && newcomer.Features.TimeSignature is not null);
        if (!gains) return existing;
        return existing with
        {
            Album = existing.Album ?? newcomer.Album,
            Genres = [.. existing.Genres, .. addedGenres],
            Explicit = existing.Explicit ?? newcomer.Explicit,
            Year = existing.Year ?? newcomer.Year,
            Popularity = existing.Popularity ?? newcomer.Popularity,
            Link = existing.Link ?? newcomer.Link,
            SongOverride = existing.SongOverride ?? newcomer.SongOverride,
            Features = existing.Features with
            {
                Key = existing.Features.Key ?? newcomer.Features.Key,
                Mode = existing.Features.Mode ?? newcomer.Features.Mode,
                DurationMs = existing.Features.DurationMs ?? newcomer.Features.DurationMs,
                TimeSignature = existing.Features.TimeSignature ?? newcomer.Features.TimeSignature,
            },
        };
    }
}
