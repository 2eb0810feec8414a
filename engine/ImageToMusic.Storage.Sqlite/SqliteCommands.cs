using Microsoft.Data.Sqlite;

namespace ImageToMusic.Storage.Sqlite;

internal static class SqliteCommands
{
    /// <summary>A command with named parameters; values take their SQLite type from their .NET type.</summary>
    public static SqliteCommand Create(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }

    /// <summary>
    /// An immediate transaction: it takes the write lock at its start, so what is read inside it is still current when
    /// it writes. DbConnection's async begin calls SqliteConnection.BeginTransaction(IsolationLevel.Unspecified), which
    /// is immediate (only ReadUncommitted defers), as the synchronous BeginTransaction() is.
    /// </summary>
    public static async Task<SqliteTransaction> BeginImmediateAsync(SqliteConnection connection, CancellationToken cancellation) =>
        (SqliteTransaction)await connection.BeginTransactionAsync(cancellation);
}
