namespace ImageToMusic.Engine.Music;

/// <summary>One song in the catalog: who and what it is, and how it sounds.</summary>
/// <param name="Id">Stable id: the catalog's own (e.g. a Spotify track id) or one derived from <see cref="MatchKey"/>.</param>
/// <param name="Genres">Lower-case genre names; empty when the catalog has none.</param>
/// <param name="Link">A preview or listening URL, when the catalog has one.</param>
/// <param name="SongOverride">The catalog's own word on whether this is a song (its <c>is_song</c> column); null leaves it
/// to <see cref="Catalog.NonSongRule"/>.</param>
public sealed record Track(
    string Id,
    string Title,
    string Artist,
    AudioFeatures Features,
    string? Album = null,
    IReadOnlyList<string>? Genres = null,
    bool? Explicit = null,
    int? Year = null,
    int? Popularity = null,
    string? Link = null,
    bool? SongOverride = null)
{
    public IReadOnlyList<string> Genres { get; init; } = Genres ?? [];

    /// <summary>Normalised title + artist: two rows with the same key are the same song.</summary>
    public string MatchKey => TrackIdentity.MatchKey(Title, Artist);
}
