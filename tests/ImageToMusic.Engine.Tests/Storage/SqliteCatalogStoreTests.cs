using System.Diagnostics;
using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Storage.Sqlite;
using ImageToMusic.Engine.Tests.Music;

namespace ImageToMusic.Engine.Tests.Storage;

public class SqliteCatalogStoreTests
{
    [Fact]
    public void Saved_tracks_come_back_with_every_field_ordered_by_id()
    {
        var store = new SqliteCatalogStore(TempStore.Open());

        store.Save([OwnFormats.QuietSong, OwnFormats.Halo]);

        Assert.Equal(2, store.Count());
        var all = store.LoadAll();
        Assert.Equal(new[] { OwnFormats.Halo.Id, OwnFormats.QuietSong.Id }.Order(StringComparer.Ordinal), all.Select(t => t.Id));
        Tracks.AssertSame(OwnFormats.Halo, store.Find("sp-1")!);
        Tracks.AssertSame(OwnFormats.QuietSong, all.Single(t => t.Id == OwnFormats.QuietSong.Id));
        Assert.Null(store.Find("no-such-id"));
    }

    [Fact]
    public void Saving_an_id_again_replaces_the_track_and_its_genres()
    {
        var store = new SqliteCatalogStore(TempStore.Open());
        store.Save([OwnFormats.Halo]);

        store.Save([OwnFormats.Halo with { Popularity = 90, Genres = ["soul"] }]);

        var halo = Assert.Single(store.LoadAll());
        Assert.Equal(90, halo.Popularity);
        Assert.Equal(["soul"], halo.Genres);
    }

    [Fact]
    public void A_batch_that_fails_part_way_saves_nothing()
    {
        var store = new SqliteCatalogStore(TempStore.Open());
        store.Save([Tracks.Make("Halo", "Beyonce", id: "a")]);
        // The second track is the same song as "a" under another id, which the unique match key refuses.
        Track[] batch = [Tracks.Make("Other", "Someone", id: "b"), Tracks.Make("halo", "BEYONCE", id: "c")];

        var error = Assert.Throws<InvalidOperationException>(() => store.Save(batch));

        Assert.Contains("nothing was saved", error.Message);
        Assert.Equal(["a"], store.LoadAll().Select(t => t.Id));
    }

    [Fact]
    public void Reopening_the_file_keeps_the_tracks()
    {
        var path = TempStore.NewPath();
        new SqliteCatalogStore(SqliteDatabase.Open(path)).Save([OwnFormats.Halo]);

        var reopened = new SqliteCatalogStore(SqliteDatabase.Open(path));

        Tracks.AssertSame(OwnFormats.Halo, Assert.Single(reopened.LoadAll()));
    }

    [Fact]
    public void Ten_thousand_tracks_save_and_load_in_a_few_seconds_at_most()
    {
        var store = new SqliteCatalogStore(TempStore.Open());
        var tracks = Enumerable.Range(0, 10_000).Select(i => Tracks.Make($"Song {i}", $"Artist {i % 500}", genres: ["pop", "rock"])).ToList();

        var watch = Stopwatch.StartNew();
        store.Save(tracks);
        var saved = watch.Elapsed;
        var loaded = store.LoadAll();

        Assert.Equal(10_000, loaded.Count);
        // Well under a second on a developer machine; the bound leaves room for a busy 2-core CI runner.
        Assert.True(saved < TimeSpan.FromSeconds(5), $"saving 10k tracks took {saved.TotalMilliseconds:F0} ms");
    }
}
