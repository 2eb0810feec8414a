namespace ImageToMusic.Engine.Storage;

/// <summary>
/// Where the database file is: an explicit path (--store), else $IMAGETOMUSIC_HOME/imagetomusic.db,
/// else imagetomusic.db in the user's local application data folder. Every host resolves it here so
/// the CLI and the services agree on one file.
/// </summary>
public static class StoreLocation
{
    public const string HomeEnvironmentVariable = "IMAGETOMUSIC_HOME";
    public const string FileName = "imagetomusic.db";

    public static string Resolve(string? explicitPath = null) =>
        Resolve(explicitPath, Environment.GetEnvironmentVariable(HomeEnvironmentVariable),
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData));

    /// <summary>The same rule with the environment passed in, so it can be checked without changing the process's.</summary>
    public static string Resolve(string? explicitPath, string? homeVariable, string localApplicationData)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath)) return Path.GetFullPath(explicitPath);
        if (!string.IsNullOrWhiteSpace(homeVariable)) return Path.GetFullPath(Path.Combine(homeVariable, FileName));
        if (string.IsNullOrWhiteSpace(localApplicationData))
            throw new InvalidOperationException($"No place for the database: this user has no local application data folder. Set {HomeEnvironmentVariable} or give a store path.");
        return Path.Combine(localApplicationData, "ImageToMusic", FileName);
    }
}
