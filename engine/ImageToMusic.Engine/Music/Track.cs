namespace ImageToMusic.Engine.Music;

/// <summary>One song in the catalog: who and what it is, and how it sounds.</summary>
/// <param name="Id">Stable id: the catalog's own (e.g. a Spotify track id) or one derived from <see cref="MatchKey"/>.</param>
/// <param name="Genres">Lower-case genre names; empty when the catalog has none.</param>
/// <param name="Link">A preview or listening URL, when the catalog has one.</param>
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
    string? Link = null)
{
    public IReadOnlyList<string> Genres { get; init; } = Genres ?? [];

    /// <summary>Normalised title + artist: two rows with the same key are the same song.</summary>
    public string MatchKey => TrackIdentity.MatchKey(Title, Artist);
}
