using System.Diagnostics;

namespace ImageToMusic.Cli.Tests;

/// <summary>Runs the built CLI as a separate process, as a user would, with the checkout's models.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string DataDir => Environment.GetEnvironmentVariable("IMAGETOMUSIC_DATA") is { Length: > 0 } configured
        ? configured
        : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));

    public static string Emotion6 => Path.Combine(DataDir, "emotion6");

    public static Result Run(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "imagetomusic.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["IMAGETOMUSIC_MODELS"] = Path.Combine(RepoRoot, "models");
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"imagetomusic {string.Join(' ', args)} did not finish.");
        }
        return new Result(process.ExitCode, stdout, stderr.Result);
    }

    public static string NewTempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "imagetomusic-cli-tests", Guid.NewGuid().ToString("N"));
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

/// <summary>A fact that needs the Emotion6 photos; skipped, saying where it looked, only when they are absent.</summary>
public sealed class Emotion6FactAttribute : FactAttribute
{
    public Emotion6FactAttribute()
    {
        if (!Directory.Exists(CliRunner.Emotion6))
            Skip = $"Emotion6 not found at {CliRunner.Emotion6}; set IMAGETOMUSIC_DATA to the shared data folder.";
    }
}
