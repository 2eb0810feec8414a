using System.Diagnostics;

namespace ImageToMusic.Engine.Tests.Imaging;

/// <summary>Writes test images with ImageMagick's <c>convert</c> into a temp folder that dies with the fixture.</summary>
public sealed class ImageMagick : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("imagetomusic-vips-tests-");

    /// <summary>Runs <c>convert arguments... fileName</c> and returns the file's bytes; the suffix picks the format.</summary>
    public byte[] Convert(string fileName, params string[] arguments)
    {
        var path = Path.Combine(_folder.FullName, fileName);
        var start = new ProcessStartInfo("convert") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.ArgumentList.Add(path);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("convert did not start");
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || !File.Exists(path))
            throw new InvalidOperationException($"convert {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}): {errors}");
        return File.ReadAllBytes(path);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
