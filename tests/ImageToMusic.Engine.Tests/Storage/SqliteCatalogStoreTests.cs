using ImageToMusic.Engine.Music;
using ImageToMusic.Storage.Sqlite;
using ImageToMusic.Engine.Tests.Music;

namespace ImageToMusic.Engine.Tests.Storage;

/// <summary>What only SQLite promises (the behaviour both stores share is in ImageToMusic.Azure.Tests/Stores).</summary>
public class SqliteCatalogStoreTests
{
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
}
