using System.Text.Json;
using ImageToMusic.Server.Tests.Support;

namespace ImageToMusic.Server.Tests;

/// <summary>The served OpenAPI description and the HTTP functions the host routes describe the same API.</summary>
public class OpenApiTests
{
    private static string FunctionsFolder => Path.Combine(TestData.RepoRoot, "functions", "ImageToMusic.Functions");

    [Fact]
    public async Task Every_http_function_is_described_under_its_route_and_method_and_name()
    {
        await using var app = await RunningApp.StartAsync();
        var document = JsonDocument.Parse(await app.Client.GetStringAsync("/api/openapi.json")).RootElement;
        var paths = document.GetProperty("paths");

        var httpFunctions = Directory.GetDirectories(FunctionsFolder)
            .Select(folder => (Name: Path.GetFileName(folder), File: Path.Combine(folder, "function.json")))
            .Where(f => File.Exists(f.File))
            .Select(f => (f.Name, Trigger: JsonDocument.Parse(File.ReadAllText(f.File)).RootElement.GetProperty("bindings").EnumerateArray()
                .Single(b => b.GetProperty("direction").GetString() == "in")))
            .Where(f => f.Trigger.GetProperty("type").GetString() == "httpTrigger")
            .ToList();

        // The pages (WebPages, Dashboard) are HTML for people, outside /api, and not part of the API description.
        var apiFunctions = httpFunctions.Where(f => f.Trigger.GetProperty("route").GetString()!.StartsWith("api/", StringComparison.Ordinal)).ToList();
        Assert.Equal(12, apiFunctions.Count);
        Assert.Equal(["Dashboard", "WebPages"], httpFunctions.Except(apiFunctions).Select(f => f.Name).Order());
        foreach (var (name, trigger) in apiFunctions)
        {
            var path = "/" + trigger.GetProperty("route").GetString();
            Assert.True(paths.TryGetProperty(path, out var described), $"{name}: {path} is not in openapi.json");
            foreach (var method in trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!))
            {
                Assert.True(described.TryGetProperty(method, out var operation), $"{name}: {method} {path} is not in openapi.json");
                Assert.Equal(name, operation.GetProperty("operationId").GetString());
            }
        }
    }
}
