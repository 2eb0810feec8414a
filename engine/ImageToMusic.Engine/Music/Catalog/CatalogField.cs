namespace ImageToMusic.Engine.Music.Catalog;

/// <summary>What a catalog column can mean. Each file's headers are mapped onto these by <see cref="CatalogColumns"/>.</summary>
public enum CatalogField
{
    Id,
    Title,
    Artist,
    Album,
    Genre,
    Explicit,
    Year,
    ReleaseDate,
    Popularity,
    Link,
    Valence,
    Energy,
    Danceability,
    Acousticness,
    Instrumentalness,
    Speechiness,
    Liveness,
    Tempo,
    Loudness,
    Key,
    Mode,
    DurationMs,
    TimeSignature,
    IsSong,
}
