using System.Reflection;
using System.Text.Json;

namespace ImageToMusic.Functions.Tests.Support;

/// <summary>The function app as built: the files the Functions worker SDK wrote beside it for the host to read.</summary>
internal static class BuiltFunctionApp
{
    public static readonly string Project = Path.Combine(TestData.RepoRoot, "functions", "ImageToMusic.Functions");

    /// <summary>The function project's own build output (this test project is built in the same configuration).</summary>
    public static readonly string Output = Path.Combine(Project, "bin",
        typeof(BuiltFunctionApp).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration, "net10.0");

    private static readonly Lazy<IReadOnlyList<JsonElement>> Metadata = new(() =>
        [.. JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "functions.metadata"))).RootElement.EnumerateArray()]);

    /// <summary>functions.metadata: every function with its bindings.</summary>
    public static IReadOnlyList<JsonElement> Declared => Metadata.Value;

    public static string NameOf(JsonElement function) => function.GetProperty("name").GetString()!;

    public static JsonElement Trigger(JsonElement function) =>
        function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("direction").GetString() == "In");

    public static string TriggerType(JsonElement function) => Trigger(function).GetProperty("type").GetString()!;

    public static IEnumerable<JsonElement> WithTrigger(string type) => Declared.Where(f => TriggerType(f) == type);
}
