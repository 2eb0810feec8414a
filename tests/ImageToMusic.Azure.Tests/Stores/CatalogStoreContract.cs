using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Engine.Tests.Music;

namespace ImageToMusic.Azure.Tests.Stores;

/// <summary>What every <see cref="ICatalogStore"/> must do; each implementation runs these against a fresh, empty store.</summary>
public abstract class CatalogStoreContract
{
    /// <summary>LoadAllAsync reads at most this many tracks per request where the store pages, so 250 tracks take several.</summary>
    protected const int PageSize = 100;

    protected abstract Task<ICatalogStore> NewStoreAsync();

    [Fact]
    public async Task Saved_tracks_come_back_with_every_field_ordered_by_id()
    {
        var store = await NewStoreAsync();

        await store.SaveAsync([OwnFormats.QuietSong, OwnFormats.Halo]);

        Assert.Equal(2, await store.CountAsync());
        var all = await store.LoadAllAsync();
        Assert.Equal(new[] { OwnFormats.Halo.Id, OwnFormats.QuietSong.Id }.Order(StringComparer.Ordinal), all.Select(t => t.Id));
        Tracks.AssertSame(OwnFormats.Halo, (await store.FindAsync("sp-1"))!);
        Tracks.AssertSame(OwnFormats.QuietSong, all.Single(t => t.Id == OwnFormats.QuietSong.Id));
        Assert.Null(await store.FindAsync("no-such-id"));
    }

    [Fact]
    public async Task An_empty_catalog_has_no_tracks()
    {
        var store = await NewStoreAsync();

        Assert.Equal(0, await store.CountAsync());
        Assert.Empty(await store.LoadAllAsync());
    }

    [Fact]
    public async Task Saving_an_id_again_replaces_the_track_and_its_genres()
    {
        var store = await NewStoreAsync();
        await store.SaveAsync([OwnFormats.Halo]);

        await store.SaveAsync([OwnFormats.Halo with { Popularity = 90, Genres = ["soul"] }]);

        var halo = Assert.Single(await store.LoadAllAsync());
        Assert.Equal(90, halo.Popularity);
        Assert.Equal(["soul"], halo.Genres);
    }

    [Fact]
    public async Task More_tracks_than_fit_in_a_page_all_come_back_ordered_by_id()
    {
        var store = await NewStoreAsync();
        var tracks = Enumerable.Range(0, 250).Select(i => Tracks.Make($"Song {i}", $"Artist {i % 7}", genres: ["pop"])).ToList();
        // Saved in two batches, neither in id order, so the order must come from the store.
        await store.SaveAsync(tracks[125..]);
        await store.SaveAsync(tracks[..125]);

        var loaded = await store.LoadAllAsync();

        Assert.Equal(tracks.Select(t => t.Id).Order(StringComparer.Ordinal), loaded.Select(t => t.Id));
        Assert.Equal(250, await store.CountAsync());
        Tracks.AssertSame(tracks[42], loaded.Single(t => t.Id == tracks[42].Id));
    }
}
