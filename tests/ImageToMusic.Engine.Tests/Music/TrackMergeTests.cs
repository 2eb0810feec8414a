using ImageToMusic.Engine.Music.Catalog;

namespace ImageToMusic.Engine.Tests.Music;

public class TrackMergeTests
{
    [Fact]
    public void The_existing_track_keeps_its_id_and_features_and_gains_missing_details_and_new_genres()
    {
        var existing = Tracks.Make("Halo", "Beyoncé", id: "old", valence: 0.4, genres: ["pop"]);
        var newcomer = Tracks.Make("Halo", "Beyoncé", id: "new", valence: 0.9, genres: ["r&b", "pop"], album: "I Am") with
        {
            Explicit = false, Year = 2008, Popularity = 81, Link = "https://example.com/halo",
        };

        var merged = TrackMerge.Fill(existing, newcomer);

        Tracks.AssertSame(existing with
        {
            Album = "I Am", Genres = ["pop", "r&b"], Explicit = false, Year = 2008, Popularity = 81, Link = "https://example.com/halo",
        }, merged);
    }

    [Fact]
    public void Details_already_known_are_not_replaced_and_nothing_new_returns_the_same_track()
    {
        var existing = Tracks.Make("Halo", "Beyoncé", genres: ["pop"], album: "I Am") with { Year = 2008 };
        var newcomer = Tracks.Make("Halo", "Beyoncé", genres: ["pop"], album: "Live") with { Year = 2010 };

        Assert.Same(existing, TrackMerge.Fill(existing, newcomer));
    }

    [Fact]
    public void Optional_features_the_first_sighting_lacks_are_filled_but_measured_ones_stay()
    {
        var existing = Tracks.Make("Halo", "Beyoncé", valence: 0.4);
        existing = existing with { Features = existing.Features with { Mode = null, Key = 5, DurationMs = null } };
        var newcomer = Tracks.Make("Halo", "Beyoncé", valence: 0.9);
        newcomer = newcomer with { Features = newcomer.Features with { Mode = 1, Key = 7, DurationMs = 261_000 } };

        var merged = TrackMerge.Fill(existing, newcomer);

        Assert.Equal((0.4, 1, 5, 261_000), (merged.Features.Valence, merged.Features.Mode, merged.Features.Key, merged.Features.DurationMs));
    }
}
