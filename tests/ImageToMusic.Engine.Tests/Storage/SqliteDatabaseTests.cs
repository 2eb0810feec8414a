using ImageToMusic.Engine.Storage;
using ImageToMusic.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ImageToMusic.Engine.Tests.Storage;

public class SqliteDatabaseTests
{
    [Fact]
    public void Opening_creates_the_folder_and_a_wal_database_at_the_latest_schema()
    {
        var path = Path.Combine(TestData.NewTempFolder(), "nested", "deeper", "store.db");

        var database = SqliteDatabase.Open(path);

        Assert.Equal(path, database.Path);
        Assert.True(File.Exists(path));
        Assert.Equal("wal", Pragma(path, "journal_mode"));
        Assert.Equal((long)SqliteSchema.LatestVersion, Pragma(path, "user_version"));
    }

    [Fact]
    public void A_database_from_a_newer_version_is_refused()
    {
        var path = TempStore.NewPath();
        SqliteDatabase.Open(path);
        Pragma(path, "user_version = 99");

        var error = Assert.Throws<InvalidDataException>(() => SqliteDatabase.Open(path));

        Assert.Contains($"newer ImageToMusic (schema version 99; this version reads up to {SqliteSchema.LatestVersion})", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_sqlite_is_refused()
    {
        var path = TestData.WriteTempFile("notes.db", "these are my notes, not a database; " + new string('x', 200));

        var error = Assert.Throws<InvalidDataException>(() => SqliteDatabase.Open(path));

        Assert.Equal($"{path} is not an SQLite database, so not an ImageToMusic store.", error.Message);
    }

    [Fact]
    public void Another_application_s_sqlite_database_is_refused_and_left_alone()
    {
        var path = TempStore.NewPath();
        Pragma(path, "user_version"); // creates the file
        Execute(path, "CREATE TABLE contacts (name TEXT)");

        var error = Assert.Throws<InvalidDataException>(() => SqliteDatabase.Open(path));

        Assert.Contains("another application", error.Message);
        Assert.Equal(0L, Pragma(path, "user_version"));
    }

    [Fact]
    public void A_folder_is_refused_as_a_store_path()
    {
        var folder = TestData.NewTempFolder();

        var error = Assert.Throws<IOException>(() => SqliteDatabase.Open(folder));

        Assert.Contains("is a folder", error.Message);
    }

    [Fact]
    public void A_store_path_under_a_file_is_refused()
    {
        var file = TestData.WriteTempFile("plain.txt", "x");

        var error = Assert.Throws<IOException>(() => SqliteDatabase.Open(Path.Combine(file, "store.db")));

        Assert.StartsWith("Cannot create the folder for the store", error.Message);
    }

    [Fact]
    public async Task A_version_1_store_is_upgraded_in_place_and_keeps_its_analyses()
    {
        var path = TempStore.NewPath();
        var evidence = new ImageToMusic.Engine.Vision.VisualEvidence([], 0.5, 0.5, 0, 0.2, 30, 0.1);
        await new SqliteAnalysisStore(SqliteDatabase.Open(path)).SaveAsync(
            new AnalysisRecord("an-1", DateTimeOffset.UnixEpoch, "a.jpg", "00", "m", 5, 5, new Dictionary<string, double>(), evidence),
            new RecommendationRecord("rec-1", "an-1", DateTimeOffset.UnixEpoch, "top=5", []));
        SqliteConnection.ClearAllPools();
        Execute(path, "DROP TABLE auto_reply_channels; ALTER TABLE tracks DROP COLUMN is_song; DROP TABLE survey_answers; DROP TABLE surveys; DROP TABLE feedback; ALTER TABLE analyses DROP COLUMN source_version; ALTER TABLE analyses DROP COLUMN timings_json; DROP TABLE analysis_failures; PRAGMA user_version = 1;"); // as version 1 left it

        var store = new SqliteAnalysisStore(SqliteDatabase.Open(path));
        await store.SaveFailureAsync(new AnalysisFailureRecord("an-2", DateTimeOffset.UnixEpoch, "b.txt", "unsupported_format", "text"));

        Assert.Equal((long)SqliteSchema.LatestVersion, Pragma(path, "user_version"));
        var analysis = (await store.FindAnalysisAsync("an-1"))!;
        Assert.Equal(("a.jpg", null), (analysis.Source, analysis.Timings));
        Assert.Equal("b.txt", (await store.FindFailureAsync("an-2"))!.Source);
    }

    private static object? Pragma(string path, string pragma) => Execute(path, $"PRAGMA {pragma}");

    private static object? Execute(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
