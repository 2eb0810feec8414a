using System.Diagnostics;
using System.Text.Json;

namespace ImageToMusic.Functions.Tests.Infra;

/// <summary>
/// infra/main.bicep compiled by the real Bicep CLI (NuGet Azure.Bicep.CommandLine.linux-x64, restored by build.sh into
/// .cache/bicep): the ARM JSON a deployment sends, and what `bicep build` and `bicep lint` said. Offline.
/// </summary>
internal sealed class CompiledBicep
{
    private static readonly Lazy<CompiledBicep> MainTemplate = new(() => new CompiledBicep(Path.Combine(TestData.RepoRoot, "infra", "main.bicep")));

    private CompiledBicep(string path)
    {
        var build = Run("build", path, "--stdout");
        Template = JsonDocument.Parse(build.Stdout).RootElement.Clone();
        var lint = Run("lint", path);
        Diagnostics = (build.Stderr + lint.Stdout + lint.Stderr).Trim();
    }

    public static CompiledBicep Main => MainTemplate.Value;

    public JsonElement Template { get; }

    /// <summary>Every warning or error the compiler and the linter printed; empty when clean.</summary>
    public string Diagnostics { get; }

    /// <summary>The names main.bicep's `names` variable gives the app and the stores.</summary>
    public JsonElement Names => Template.GetProperty("variables").GetProperty("names");

    public string Name(string key) =>
        Names.TryGetProperty(key, out var value) ? value.GetString()! : throw new InvalidOperationException($"infra/main.bicep's names has no {key}.");

    /// <summary>Declared parameters, each with whether it has a default value.</summary>
    public IReadOnlyDictionary<string, bool> Parameters =>
        Template.GetProperty("parameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.TryGetProperty("defaultValue", out _));

    public IReadOnlySet<string> Outputs => Template.GetProperty("outputs").EnumerateObject().Select(o => o.Name).ToHashSet();

    /// <summary>The value main.bicep passes to one parameter of one module (an ARM nested deployment).</summary>
    public JsonElement ModuleParameter(string module, string parameter) =>
        Module(module).GetProperty("parameters").GetProperty(parameter).GetProperty("value");

    /// <summary>The compiled template of one module, as nested in the deployment.</summary>
    public JsonElement ModuleTemplate(string module) => Module(module).GetProperty("template");

    /// <summary>The one resource of <paramref name="type"/> in a module's compiled template.</summary>
    public JsonElement ModuleResource(string module, string type) =>
        ModuleResources(module).Single(r => r.GetProperty("type").GetString() == type);

    public IEnumerable<JsonElement> ModuleResources(string module) => ModuleTemplate(module).GetProperty("resources").EnumerateArray();

    private JsonElement Module(string name) =>
        Template.GetProperty("resources").EnumerateArray()
            .Single(r => r.GetProperty("type").GetString() == "Microsoft.Resources/deployments" && r.GetProperty("name").GetString() == name)
            .GetProperty("properties");

    private static (string Stdout, string Stderr) Run(params string[] args)
    {
        var cli = Directory.GetFiles(Path.Combine(TestData.RepoRoot, ".cache", "bicep", "packages"), "bicep", SearchOption.AllDirectories).SingleOrDefault()
                  ?? throw new FileNotFoundException("No Bicep CLI under .cache/bicep; run ./build.sh.");
        using var process = Process.Start(new ProcessStartInfo(cli, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"bicep {string.Join(' ', args)} failed ({process.ExitCode}): {stderr}");
        return (stdout.Result, stderr);
    }
}
