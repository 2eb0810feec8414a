using ImageToMusic.Storage.Sqlite;

namespace ImageToMusic.Engine.Tests.Storage;

/// <summary>A real SQLite database file in a fresh temp folder.</summary>
internal static class TempStore
{
    public static string NewPath() => Path.Combine(TestData.NewTempFolder(), "imagetomusic.db");

    public static SqliteDatabase Open() => SqliteDatabase.Open(NewPath());
}
