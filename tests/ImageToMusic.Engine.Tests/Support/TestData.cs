namespace ImageToMusic.Engine.Tests;

/// <summary>Where tests find the repository (for build.sh's outputs) and the shared data folder.</summary>
internal static class TestData
{
    private static readonly Lazy<string> Root = new(FindRepoRoot);

    /// <summary>The folder holding ImageToMusic.sln, found by walking up from the test binaries.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>IMAGETOMUSIC_DATA, else ../shared/data beside the repository (as on developer machines and CI).</summary>
    public static string DataDir =>
        Environment.GetEnvironmentVariable("IMAGETOMUSIC_DATA") is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));

    public static string Emotion6 => Path.Combine(DataDir, "emotion6");

    public static string Emotion6Images => Path.Combine(Emotion6, "images");

    public static string Models => Path.Combine(RepoRoot, "models");

    /// <summary>Why tests that need the Emotion6 photos cannot run, or null when they can.</summary>
    public static string? Emotion6Missing => Directory.Exists(Emotion6Images)
        ? null
        : $"Emotion6 images not found at {Emotion6Images}; set IMAGETOMUSIC_DATA to the shared data folder.";

    /// <summary>A fresh folder under the system temp folder, for files a test makes.</summary>
    public static string NewTempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "imagetomusic-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Writes <paramref name="content"/> to a new file named <paramref name="name"/> in a fresh temp folder.</summary>
    public static string WriteTempFile(string name, string content)
    {
        var path = Path.Combine(NewTempFolder(), name);
        File.WriteAllText(path, content);
        return path;
    }

    public static string Catalog(string fileName) => Path.Combine(DataDir, "catalog", fileName);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ImageToMusic.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No ImageToMusic.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>A fact that needs the Emotion6 photos; skipped, saying where it looked, only when they are absent.</summary>
public sealed class Emotion6FactAttribute : FactAttribute
{
    public Emotion6FactAttribute() => Skip = TestData.Emotion6Missing;
}

/// <summary>A theory that needs the Emotion6 photos; skipped like <see cref="Emotion6FactAttribute"/>.</summary>
public sealed class Emotion6TheoryAttribute : TheoryAttribute
{
    public Emotion6TheoryAttribute() => Skip = TestData.Emotion6Missing;
}
