using ImageToMusic.Engine.Music;

namespace ImageToMusic.Engine.Tests;

/// <summary>Tracks for tests, and a comparison that looks inside the genre list (records compare lists by reference).</summary>
internal static class Tracks
{
    public static Track Make(string title, string artist, string? id = null, double valence = 0.5, IReadOnlyList<string>? genres = null, string? album = null) =>
        new(id ?? TrackIdentity.DerivedId(TrackIdentity.MatchKey(title, artist)), title, artist,
            new AudioFeatures(valence, 0.6, 0.7, 0.1, 0.0, 0.05, 0.1, 120, -6, Key: 5, Mode: 1, DurationMs: 200_000, TimeSignature: 4),
            Album: album, Genres: genres);

    public static void AssertSame(Track expected, Track actual)
    {
        Assert.Equal(expected with { Genres = [] }, actual with { Genres = [] });
        Assert.Equal(expected.Genres, actual.Genres);
    }
}
