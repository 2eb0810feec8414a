namespace ImageToMusic.Engine.Music.Catalog;

public sealed record GenreCount(string Genre, int Tracks);

/// <summary>How many tracks <see cref="NonSongRule"/> leaves out of suggestions for one reason.</summary>
public sealed record NonSongCount(string Reason, int Tracks);

/// <summary>The spread of one audio feature over the tracks that have it.</summary>
/// <param name="Known">Tracks with a value (optional features such as mode are missing in some catalogs).</param>
public sealed record FeatureSpread(string Feature, int Known, double Min, double Median, double Max);

/// <summary>A summary of what a catalog holds, for `catalog stats` and for checking an import did what was meant.</summary>
public sealed record CatalogStats(
    int Tracks,
    int Artists,
    int WithGenre,
    int Explicit,
    int NonSongs,
    IReadOnlyList<NonSongCount> NonSongReasons,
    IReadOnlyList<GenreCount> TopGenres,
    IReadOnlyList<FeatureSpread> Features)
{
    /// <summary>Every audio feature under its catalog column name.</summary>
    private static readonly (CatalogField Field, Func<AudioFeatures, double?> Value)[] FeatureValues =
    [
        (CatalogField.Valence, f => f.Valence),
        (CatalogField.Energy, f => f.Energy),
        (CatalogField.Danceability, f => f.Danceability),
        (CatalogField.Acousticness, f => f.Acousticness),
        (CatalogField.Instrumentalness, f => f.Instrumentalness),
        (CatalogField.Speechiness, f => f.Speechiness),
        (CatalogField.Liveness, f => f.Liveness),
        (CatalogField.Tempo, f => f.TempoBpm),
        (CatalogField.Loudness, f => f.LoudnessDb),
        (CatalogField.Key, f => f.Key),
        (CatalogField.Mode, f => f.Mode),
        (CatalogField.DurationMs, f => f.DurationMs),
        (CatalogField.TimeSignature, f => f.TimeSignature),
    ];

    public static CatalogStats Compute(IReadOnlyList<Track> tracks, int topGenres = 10)
    {
        var genres = tracks.SelectMany(t => t.Genres).GroupBy(g => g)
            .Select(g => new GenreCount(g.Key, g.Count()))
            .OrderByDescending(g => g.Tracks).ThenBy(g => g.Genre, StringComparer.Ordinal)
            .Take(topGenres).ToList();
        var features = FeatureValues
            .Select(f => (f.Field, Values: tracks.Select(t => f.Value(t.Features)).OfType<double>().Order().ToArray()))
            .Where(f => f.Values.Length > 0)
            .Select(f => new FeatureSpread(CatalogColumns.OwnName(f.Field), f.Values.Length, f.Values[0], Median(f.Values), f.Values[^1]))
            .ToList();
        var nonSongs = tracks.Select(NonSongRule.Reason).OfType<string>()
            .GroupBy(r => r).Select(r => new NonSongCount(r.Key, r.Count()))
            .OrderByDescending(r => r.Tracks).ThenBy(r => r.Reason, StringComparer.Ordinal).ToList();
        return new CatalogStats(
            tracks.Count,
            tracks.Select(t => TrackIdentity.Normalise(t.Artist)).Distinct().Count(),
            tracks.Count(t => t.Genres.Count > 0),
            tracks.Count(t => t.Explicit == true),
            nonSongs.Sum(r => r.Tracks),
            nonSongs.Take(topGenres).ToList(),
            genres,
            features);
    }

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
