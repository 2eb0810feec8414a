using ImageToMusic.Engine.Music.Matching;
using ImageToMusic.Engine.Vision;

namespace ImageToMusic.Engine.Music;

/// <summary>
/// Large catalogs for benchmarks: tracks resampled from a real catalog with small jitter, so the feature
/// distribution (and with it the ranking's work) matches real music. Deterministic for a seed.
/// </summary>
public static class SyntheticCatalog
{
    /// <summary>Tracks per synthetic artist: enough shared artists that the diversity rule has work to do.</summary>
    public const int TracksPerArtist = 8;

    public static IReadOnlyList<Track> Generate(IReadOnlyList<Track> template, int count, int seed = 1)
    {
        if (template.Count == 0) throw new ArgumentException("A synthetic catalog needs at least one template track.");
        var random = new Random(seed);
        var tracks = new Track[count];
        for (var i = 0; i < count; i++)
        {
            var source = template[random.Next(template.Count)];
            var f = source.Features;
            tracks[i] = new Track(
                $"syn-{i:D7}", $"Synthetic Track {i}", $"Synthetic Artist {i / TracksPerArtist}",
                f with
                {
                    Valence = Unit(f.Valence), Energy = Unit(f.Energy), Danceability = Unit(f.Danceability),
                    Acousticness = Unit(f.Acousticness), Instrumentalness = Unit(f.Instrumentalness),
                    TempoBpm = Math.Clamp(f.TempoBpm + 6 * (random.NextDouble() - 0.5), 30, 250),
                    LoudnessDb = Math.Clamp(f.LoudnessDb + 2 * (random.NextDouble() - 0.5), -60, 0),
                },
                Genres: source.Genres, Explicit: source.Explicit, Year: source.Year, Popularity: source.Popularity);
        }
        return tracks;

        double Unit(double value) => Math.Clamp(value + 0.1 * (random.NextDouble() - 0.5), 0, 1);
    }

    /// <summary>Photo moods spread over the whole mood plane with evidence in Emotion6's usual ranges.</summary>
    public static IReadOnlyList<MoodQuery> Queries(int count, int seed = 2)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => new MoodQuery(
            1 + 8 * random.NextDouble(), 1 + 8 * random.NextDouble(),
            new VisualEvidence([new PaletteColour("#556b2f", "dark olive", 0.6), new PaletteColour("#87ceeb", "pale blue", 0.4)],
                Brightness: random.NextDouble(), Saturation: random.NextDouble(), Warmth: 2 * random.NextDouble() - 1,
                Contrast: 0.4 * random.NextDouble(), Colourfulness: 100 * random.NextDouble(), EdgeDensity: 0.4 * random.NextDouble())))];
    }
}
