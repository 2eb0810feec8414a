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
}
