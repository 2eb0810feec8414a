using ImageToMusic.Engine.Music;
using ImageToMusic.Storage.Sqlite;
using ImageToMusic.Engine.Tests.Music;

namespace ImageToMusic.Engine.Tests.Storage;

/// <summary>What only SQLite promises (the behaviour both stores share is in ImageToMusic.Azure.Tests/Stores).</summary>
public class SqliteCatalogStoreTests
{
    [Fact]
    public async Task A_batch_that_fails_part_way_saves_nothing()
    {
        var store = new SqliteCatalogStore(TempStore.Open());
        await store.SaveAsync([Tracks.Make("Halo", "Beyonce", id: "a")]);
        // The second track is the same song as "a" under another id, which the unique match key refuses.
        Track[] batch = [Tracks.Make("Other", "Someone", id: "b"), Tracks.Make("halo", "BEYONCE", id: "c")];

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveAsync(batch));

        Assert.Contains("nothing was saved", error.Message);
        Assert.Equal(["a"], (await store.LoadAllAsync()).Select(t => t.Id));
    }

    [Fact]
    public async Task Reopening_the_file_keeps_the_tracks()
    {
        var path = TempStore.NewPath();
        await new SqliteCatalogStore(SqliteDatabase.Open(path)).SaveAsync([OwnFormats.Halo]);

        var reopened = new SqliteCatalogStore(SqliteDatabase.Open(path));

        Tracks.AssertSame(OwnFormats.Halo, Assert.Single(await reopened.LoadAllAsync()));
    }
}
