using ImageToMusic.Engine.Music.Catalog;

namespace ImageToMusic.Engine.Tests.Music;

public class CatalogStatsTests
{
    [Fact]
    public void Counts_artists_genres_and_spreads_of_features()
    {
        var tracks = new[]
        {
            Tracks.Make("A", "Beyoncé", valence: 0.1, genres: ["pop", "r&b"]) with { Explicit = true },
            Tracks.Make("B", "BEYONCÉ", valence: 0.3, genres: ["pop"]),
            Tracks.Make("C", "Adele", valence: 0.2) with { Explicit = false },
            Tracks.Make("D", "Adele", valence: 0.9) with { Features = Tracks.Make("D", "Adele").Features with { Valence = 0.9, Mode = null } },
        };

        var stats = CatalogStats.Compute(tracks, topGenres: 1);

        Assert.Equal((4, 2, 2, 1), (stats.Tracks, stats.Artists, stats.WithGenre, stats.Explicit));
        Assert.Equal([new GenreCount("pop", 2)], stats.TopGenres);
        Assert.Equal(new FeatureSpread("valence", 4, 0.1, 0.25, 0.9), stats.Features.Single(f => f.Feature == "valence"));
        Assert.Equal(new FeatureSpread("mode", 3, 1, 1, 1), stats.Features.Single(f => f.Feature == "mode"));
        Assert.Equal(13, stats.Features.Count);
    }

    [Fact]
    public void An_empty_catalog_has_no_feature_spreads()
    {
        var stats = CatalogStats.Compute([]);

        Assert.Equal(0, stats.Tracks);
        Assert.Empty(stats.Features);
        Assert.Empty(stats.TopGenres);
    }
}
