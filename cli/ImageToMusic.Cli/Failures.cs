using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Vision.Onnx;

namespace ImageToMusic.Cli;

/// <summary>Turns the errors a command can meet into one clear line on stderr and a non-zero exit code.</summary>
internal static class Failures
{
    public static async Task<int> Guard(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (Describe(e) is { } message)
        {
            Output.Error(message);
            return 1;
        }
    }

    /// <summary>For the commands that touch no store (analyze, train, eval, most benches): the same translation, with nothing to await.</summary>
    public static int Guard(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (Describe(e) is { } message)
        {
            Output.Error(message);
            return 1;
        }
    }

    /// <summary>The user-facing text of an expected failure, or null for a bug (which keeps its stack trace).</summary>
    public static string? Describe(Exception e) => e switch
    {
        ImageRejectedException r => $"{r.Code}: {r.Message}",
        IOException or UnauthorizedAccessException => e.Message,
        InvalidDataException or FormatException => e.Message,
        DllNotFoundException => e.Message,
        Microsoft.ML.OnnxRuntime.OnnxRuntimeException => $"ONNX Runtime: {e.Message}",
        ArgumentException => e.Message,
        InvalidOperationException => e.Message,
        Microsoft.Extensions.Options.OptionsValidationException => e.Message,
        _ => null,
    };
}
