using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ImageToMusic.Cli;

/// <summary>How the CLI writes: results on stdout (text or one JSON object), progress and errors on stderr.</summary>
internal static class Output
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static void WriteJson(object value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Json));

    public static JsonNode ToNode(object value) => JsonSerializer.SerializeToNode(value, Json)!;

    public static void Error(string message) => Console.Error.WriteLine($"error: {message}");

    /// <summary>A progress callback that prints at most every 5% (and the last item) to stderr.</summary>
    public static Action<int, int> Progress(string label)
    {
        var lastShown = -1;
        var gate = new object();
        return (done, total) =>
        {
            var step = Math.Max(1, total / 20);
            lock (gate)
            {
                if (done != total && done / step == lastShown) return;
                lastShown = done / step;
                Console.Error.WriteLine($"{label}: {done}/{total}");
            }
        };
    }
}
