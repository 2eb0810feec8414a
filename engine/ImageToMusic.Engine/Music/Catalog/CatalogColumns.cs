namespace ImageToMusic.Engine.Music.Catalog;

/// <summary>
/// The one alias table: every column name a catalog may use for each field, the project's own name
/// first. Catalogs from different sources name the same thing differently (song / name / title,
/// duration / length / duration_ms), and mapping names is what lets one reader take them all.
/// </summary>
public static class CatalogColumns
{
    public static readonly IReadOnlyDictionary<CatalogField, IReadOnlyList<string>> Aliases = new Dictionary<CatalogField, IReadOnlyList<string>>
    {
        [CatalogField.Id] = ["id", "track_id", "spotify_id"],
        [CatalogField.Title] = ["title", "song", "name", "track_name", "track"],
        [CatalogField.Artist] = ["artist", "artists", "artist_name"],
        [CatalogField.Album] = ["album", "album_name"],
        [CatalogField.Genre] = ["genre", "genres"],
        [CatalogField.Explicit] = ["explicit"],
        [CatalogField.Year] = ["year"],
        [CatalogField.ReleaseDate] = ["release_date", "album_release_date"],
        [CatalogField.Popularity] = ["popularity"],
        [CatalogField.Link] = ["link", "url", "preview_url"],
        [CatalogField.Valence] = ["valence"],
        [CatalogField.Energy] = ["energy"],
        [CatalogField.Danceability] = ["danceability"],
        [CatalogField.Acousticness] = ["acousticness"],
        [CatalogField.Instrumentalness] = ["instrumentalness"],
        [CatalogField.Speechiness] = ["speechiness"],
        [CatalogField.Liveness] = ["liveness"],
        [CatalogField.Tempo] = ["tempo", "bpm"],
        [CatalogField.Loudness] = ["loudness"],
        [CatalogField.Key] = ["key"],
        [CatalogField.Mode] = ["mode"],
        [CatalogField.DurationMs] = ["duration_ms", "duration", "length"],
        [CatalogField.TimeSignature] = ["time_signature"],
        // Not "song": one of the shared catalogs names its title column that.
        [CatalogField.IsSong] = ["is_song"],
    };

    /// <summary>Fields every row needs: who the song is, and the features the mood model reads.</summary>
    public static readonly IReadOnlyList<CatalogField> Required =
    [
        CatalogField.Title, CatalogField.Artist,
        CatalogField.Valence, CatalogField.Energy, CatalogField.Danceability, CatalogField.Acousticness,
        CatalogField.Instrumentalness, CatalogField.Speechiness, CatalogField.Liveness, CatalogField.Tempo, CatalogField.Loudness,
    ];

    /// <summary>The name the project's own format uses for a field.</summary>
    public static string OwnName(CatalogField field) => Aliases[field][0];

    /// <summary>
    /// Which column holds each field. Headers match case-insensitively; when a file has two aliases of
    /// one field, the alias listed first wins. A file without every required field is not a catalog we
    /// can read, and the error says which fields are missing and which names would have worked.
    /// </summary>
    public static IReadOnlyDictionary<CatalogField, int> Map(string fileName, IReadOnlyList<string> headers)
    {
        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < headers.Count; i++) positions.TryAdd(headers[i].Trim(), i);

        var map = new Dictionary<CatalogField, int>();
        foreach (var (field, aliases) in Aliases)
            if (aliases.FirstOrDefault(positions.ContainsKey) is { } alias) map[field] = positions[alias];

        var missing = Required.Where(field => !map.ContainsKey(field)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException(
                $"{fileName}: not a song catalog this importer can read; no column for " +
                string.Join(", ", missing.Select(field => $"{OwnName(field)} (accepted: {string.Join(", ", Aliases[field])})")) +
                $". Columns found: {(headers.Count == 0 ? "none" : string.Join(", ", headers))}.");
        return map;
    }
}
