namespace ImageToMusic.Server.Uploads;

/// <summary>
/// Which names an upload can have, checked before any store is asked: a name from a request (a story naming a blob,
/// a blob-trigger invocation) must not reach a folder path or a blob URL it could escape or break.
/// </summary>
public static class UploadNames
{
    public const int MaxLength = 1024; // Azure Storage's limit for a blob name

    /// <summary>Why <paramref name="name"/> cannot name an upload, or null when it can.</summary>
    public static string? Problem(string name) =>
        name.Length == 0 ? "it is empty"
        : name.Length > MaxLength ? $"it is longer than {MaxLength} characters"
        : name.Any(char.IsControl) ? "it contains control characters"
        : name.StartsWith('/') || name.Contains('\\') ? "it is a path, not a name inside the container"
        : name.Split('/').Any(segment => segment is "" or "." or "..") ? "it has an empty, '.' or '..' segment"
        : null;

    /// <summary>The name shown back in an error: control characters escaped, at most 100 characters.</summary>
    public static string Shown(string name)
    {
        var escaped = string.Concat(name.Take(100).Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return name.Length > 100 ? escaped + "…" : escaped;
    }
}
