using System.ComponentModel;
using System.Diagnostics;

namespace ImageToMusic.Engine.Tests;

/// <summary>Runs a command-line tool a test relies on (ImageMagick, node) and fails with its stderr when it does.</summary>
internal static class ExternalTool
{
    public static byte[] Run(string program, IReadOnlyList<string> args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        var command = $"{program} {string.Join(' ', args)}";

        Process process;
        try { process = Process.Start(info)!; }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Cannot start '{program}' ({e.Message}); ./build.sh installs it.", e);
        }
        using (process)
        {
            // Both pipes are drained concurrently so neither can fill up and stall the tool.
            var stderr = process.StandardError.ReadToEndAsync();
            using var stdout = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"'{command}' did not finish within {timeout}.");
            }
            Task.WaitAll(copy, stderr);
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"'{command}' exited with {process.ExitCode}:\n{stderr.Result}");
            return stdout.ToArray();
        }
    }
}
