using System.Globalization;

namespace ImageToMusic.Storage.Sqlite;

/// <summary>
/// Instants as UTC text of fixed width, so text order is time order and the stores can ORDER BY them.
/// </summary>
internal static class SqliteTimestamps
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
