namespace ImageToMusic.Engine.Tests.Support;

/// <summary>Where the checkout, its generated models and the shared data are, seen from a test binary.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Models => Path.Combine(RepoRoot, "models");

    /// <summary>$IMAGETOMUSIC_DATA, else ../shared/data beside the checkout.</summary>
    public static string Data => Environment.GetEnvironmentVariable("IMAGETOMUSIC_DATA") is { Length: > 0 } configured
        ? configured
        : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));

    public static string Emotion6 => Path.Combine(Data, "emotion6");

    /// <summary>The Emotion6 folder, or a failure that says how to provide it (the data is part of the test setup).</summary>
    public static string RequireEmotion6()
    {
        if (!File.Exists(Path.Combine(Emotion6, "ground_truth.txt")))
            Assert.Fail($"Emotion6 not found at {Emotion6}: set IMAGETOMUSIC_DATA to the shared data folder.");
        return Emotion6;
    }

    public static string NewTempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "imagetomusic-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ImageToMusic.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No ImageToMusic.sln above {AppContext.BaseDirectory}.");
    }
}
