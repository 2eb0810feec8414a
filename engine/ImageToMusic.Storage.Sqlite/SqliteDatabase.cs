using Microsoft.Data.Sqlite;

namespace ImageToMusic.Storage.Sqlite;

/// <summary>
/// One SQLite file holding the catalog and the analyses. Opening it creates the file (and its folder)
/// when missing and migrates the schema; the stores then take short-lived pooled connections from it.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string connectionString;

    private SqliteDatabase(string path)
    {
        Path = path;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
        }.ToString();
    }

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating or upgrading as needed) the database at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The path is a folder, or the file or its folder cannot be created or opened.</exception>
    /// <exception cref="InvalidDataException">The file is not an ImageToMusic SQLite store, or is from a newer version.</exception>
    public static SqliteDatabase Open(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(fullPath)) throw new IOException($"The store {fullPath} is a folder; give the path of a database file.");
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot create the folder for the store {fullPath}: {e.Message}", e);
        }

        var database = new SqliteDatabase(fullPath);
        try
        {
            using var connection = new SqliteConnection(database.connectionString);
            connection.Open();
            SqliteSchema.Migrate(connection, fullPath);
        }
        catch (SqliteException e)
        {
            throw e.SqliteErrorCode switch
            {
                SqliteErrorCodes.NotADatabase => new InvalidDataException($"{fullPath} is not an SQLite database, so not an ImageToMusic store.", e),
                SqliteErrorCodes.CantOpen or SqliteErrorCodes.ReadOnly or SqliteErrorCodes.Permission =>
                    new IOException($"Cannot open or write the store {fullPath}: {e.Message}", e),
                _ => new InvalidDataException($"The store {fullPath} could not be opened: {e.Message}", e),
            };
        }
        return database;
    }

    internal async Task<SqliteConnection> ConnectAsync(CancellationToken cancellation)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellation);
        return connection;
    }

    /// <summary>The SQLite result codes Open turns into clear messages (sqlite3.h).</summary>
    private static class SqliteErrorCodes
    {
        public const int Permission = 3, ReadOnly = 8, CantOpen = 14, NotADatabase = 26;
    }
}
