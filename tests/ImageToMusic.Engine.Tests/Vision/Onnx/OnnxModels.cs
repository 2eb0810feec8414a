using System.Diagnostics;

namespace ImageToMusic.Engine.Tests.Vision.Onnx;

/// <summary>Generates the test models once per run with /usr/bin/python3 + onnx (make_test_models.py) into a temp folder.</summary>
public sealed class OnnxModels : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("imagetomusic-onnx-").FullName;

    public OnnxModels()
    {
        var python = Environment.GetEnvironmentVariable("IMAGETOMUSIC_PYTHON") ?? "/usr/bin/python3";
        var script = Path.Combine(AppContext.BaseDirectory, "Vision", "Onnx", "make_test_models.py");
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(Folder);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{python} {script} failed ({process.ExitCode}): {stderr.Result}");
    }

    public string Linear => Path.Combine(Folder, "linear.onnx");
    public string TwoOutputs => Path.Combine(Folder, "two_outputs.onnx");
    public string MixedTypes => Path.Combine(Folder, "mixed_types.onnx");
    public string Wide => Path.Combine(Folder, "wide.onnx");

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
