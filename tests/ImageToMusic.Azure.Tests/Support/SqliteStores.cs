using ImageToMusic.Storage.Sqlite;
using ImageToMusic.Engine.Tests;

namespace ImageToMusic.Azure.Tests.Support;

internal static class SqliteStores
{
    /// <summary>A real SQLite database file in a fresh temp folder.</summary>
    public static SqliteDatabase NewDatabase() => SqliteDatabase.Open(Path.Combine(TestData.NewTempFolder(), "imagetomusic.db"));
}
