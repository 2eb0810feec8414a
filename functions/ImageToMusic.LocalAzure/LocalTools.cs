namespace ImageToMusic.LocalAzure;

/// <summary>The node tools ./build.sh installs under tools/ in the checkout, found from wherever the running app was built.</summary>
public static class LocalTools
{
    /// <summary><paramref name="relativePath"/> under tools/ in the first folder above the running app that has it.</summary>
    public static string Find(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tools", relativePath);
            if (File.Exists(path) || Directory.Exists(path)) return path;
        }
        throw new InvalidOperationException($"No tools/{relativePath} above {AppContext.BaseDirectory}; run ./build.sh in the repository.");
    }
}
