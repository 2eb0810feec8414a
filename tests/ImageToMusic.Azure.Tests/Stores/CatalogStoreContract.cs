using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Engine.Tests.Music;

namespace ImageToMusic.Azure.Tests.Stores;

/// <summary>What every <see cref="ICatalogStore"/> must do; each implementation runs these against a fresh, empty store.</summary>
public abstract class CatalogStoreContract
{
    /// <summary>LoadAll reads at most this many tracks per request where the store pages, so 250 tracks take several.</summary>
    protected const int PageSize = 100;

    protected abstract ICatalogStore NewStore();

    [Fact]
    public void Saved_tracks_come_back_with_every_field_ordered_by_id()
    {
        var store = NewStore();

        store.Save([OwnFormats.QuietSong, OwnFormats.Halo]);

        Assert.Equal(2, store.Count());
        var all = store.LoadAll();
        Assert.Equal(new[] { OwnFormats.Halo.Id, OwnFormats.QuietSong.Id }.Order(StringComparer.Ordinal), all.Select(t => t.Id));
        Tracks.AssertSame(OwnFormats.Halo, store.Find("sp-1")!);
        Tracks.AssertSame(OwnFormats.QuietSong, all.Single(t => t.Id == OwnFormats.QuietSong.Id));
        Assert.Null(store.Find("no-such-id"));
    }

    [Fact]
    public void An_empty_catalog_has_no_tracks()
    {
        var store = NewStore();

        Assert.Equal(0, store.Count());
        Assert.Empty(store.LoadAll());
    }

    [Fact]
    public void Saving_an_id_again_replaces_the_track_and_its_genres()
    {
        var store = NewStore();
        store.Save([OwnFormats.Halo]);

        store.Save([OwnFormats.Halo with { Popularity = 90, Genres = ["soul"] }]);

        var halo = Assert.Single(store.LoadAll());
        Assert.Equal(90, halo.Popularity);
        Assert.Equal(["soul"], halo.Genres);
    }

    [Fact]
    public void More_tracks_than_fit_in_a_page_all_come_back_ordered_by_id()
    {
        var store = NewStore();
        var tracks = Enumerable.Range(0, 250).Select(i => Tracks.Make($"Song {i}", $"Artist {i % 7}", genres: ["pop"])).ToList();
        // Saved in two batches, neither in id order, so the order must come from the store.
        store.Save(tracks[125..]);
        store.Save(tracks[..125]);

        var loaded = store.LoadAll();

        Assert.Equal(tracks.Select(t => t.Id).Order(StringComparer.Ordinal), loaded.Select(t => t.Id));
        Assert.Equal(250, store.Count());
        Tracks.AssertSame(tracks[42], loaded.Single(t => t.Id == tracks[42].Id));
    }
}
