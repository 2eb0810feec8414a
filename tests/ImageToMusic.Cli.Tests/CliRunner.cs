using System.Diagnostics;

namespace ImageToMusic.Cli.Tests;

/// <summary>Runs the built CLI as a separate process, as a user would, with the checkout's models.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(params string[] args) => RunWith(new Dictionary<string, string>(), args);

    /// <summary>Runs with extra environment variables set in the child process only.</summary>
    public static Result RunWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "imagetomusic.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["IMAGETOMUSIC_MODELS"] = TestData.Models;
        foreach (var (name, value) in environment) info.Environment[name] = value;
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
}
