using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ImageToMusic.Server;
using ImageToMusic.Server.Tests.Support;
using static ImageToMusic.Functions.Tests.Support.BuiltFunctionApp;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ImageToMusic.Functions.Tests;

/// <summary>
/// What the Functions worker SDK wrote for the function app (functions.metadata, worker.config.json: the files the
/// host reads), held against serve's doors, its key checks and the OpenAPI document.
/// </summary>
public sealed class FunctionMetadataTests : IAsyncLifetime
{
    private RunningApp serve = null!;
    private HttpClient anonymous = null!;

    public async Task InitializeAsync()
    {
        serve = await RunningApp.StartAsync();
        anonymous = new HttpClient { BaseAddress = serve.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        anonymous.Dispose();
        await serve.DisposeAsync();
    }

    private static IEnumerable<JsonElement> HttpFunctions => WithTrigger("httpTrigger");

    [Fact]
    public void The_build_is_an_isolated_worker_package_with_no_custom_handler_left()
    {
        using var worker = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "worker.config.json")));
        Assert.Equal("dotnet-isolated", worker.RootElement.GetProperty("description").GetProperty("language").GetString());
        Assert.All(Declared, f => Assert.Equal("dotnet-isolated", f.GetProperty("language").GetString()));
        Assert.Equal(["blobTrigger", "httpTrigger", "queueTrigger"], Declared.Select(TriggerType).Distinct().Order());

        var sources = Directory.EnumerateFiles(Project, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));
        Assert.DoesNotContain(sources, f => Path.GetFileName(f) == "function.json");
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(Project, "host.json")));
        Assert.False(host.RootElement.TryGetProperty("customHandler", out _));
        Assert.Equal("", host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void Every_http_function_is_one_of_serves_doors_with_its_route_and_method()
    {
        var functions = HttpFunctions.Select(f => (f.GetProperty("name").GetString()!, Trigger(f).GetProperty("route").GetString()!,
            string.Join(',', Trigger(f).GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()))));
        var mapped = serve.AppServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName, e.RoutePattern.RawText!.TrimStart('/'),
                string.Join(',', e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)));

        Assert.Equal(15, functions.Count());
        Assert.Equal(Doors.All.Select(d => (d.Name, d.Route, d.Method)).Order(), functions.Order());
        Assert.Equal(functions.Order(), mapped.Order());
    }

    /// <summary>On Azure the host checks keys per function (authLevel); under serve the app does. A function is anonymous exactly when serve answers it without the key.</summary>
    [Fact]
    public async Task Every_http_function_is_anonymous_on_Azure_exactly_when_serve_answers_it_without_the_key()
    {
        foreach (var function in HttpFunctions)
        {
            var trigger = Trigger(function);
            // Route parameters become sample values; the catch-all page route is tried at the home page.
            var path = "/" + Regex.Replace(trigger.GetProperty("route").GetString()!, @"\{\*[^}]+\}", "").Replace("{id}", "x");
            var method = new HttpMethod(trigger.GetProperty("methods")[0].GetString()!.ToUpperInvariant());
            var response = await anonymous.SendAsync(new HttpRequestMessage(method, path));
            var anonymousOnAzure = trigger.GetProperty("authLevel").GetString() == "Anonymous";
            Assert.True(anonymousOnAzure == (response.StatusCode != HttpStatusCode.Unauthorized),
                $"{function.GetProperty("name")}: authLevel {trigger.GetProperty("authLevel")} but {method} {path} without the key is {(int)response.StatusCode} under serve.");
        }
    }

    [Fact]
    public async Task Every_api_function_is_described_under_its_route_and_method_and_name()
    {
        var paths = JsonDocument.Parse(await serve.Client.GetStringAsync("/" + Routes.OpenApi)).RootElement.GetProperty("paths");
        // The pages (WebPages, Dashboard) are HTML for people, outside /api; the description does not describe itself.
        var api = HttpFunctions.Where(f => Trigger(f).GetProperty("route").GetString() is { } route && route.StartsWith("api/", StringComparison.Ordinal) && route != Routes.OpenApi).ToList();
        Assert.Equal(12, api.Count);
        foreach (var function in api)
        {
            var (name, trigger) = (function.GetProperty("name").GetString()!, Trigger(function));
            var path = "/" + trigger.GetProperty("route").GetString();
            Assert.True(paths.TryGetProperty(path, out var described), $"{name}: {path} is not in openapi.json");
            foreach (var method in trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!))
            {
                Assert.True(described.TryGetProperty(method, out var operation), $"{name}: {method} {path} is not in openapi.json");
                Assert.Equal(name, operation.GetProperty("operationId").GetString());
            }
        }
    }

    [Fact]
    public void Uploads_are_analysed_by_an_event_grid_blob_trigger_and_follow_ups_by_a_queue_trigger_and_its_poison_queue()
    {
        var blob = Trigger(Declared.Single(f => TriggerType(f) == "blobTrigger"));
        Assert.Equal("uploads/{name}", blob.GetProperty("path").GetString());
        Assert.Equal("EventGrid", blob.GetProperty("source").GetString());
        Assert.Equal(AppSettings.UploadsConnectionString, blob.GetProperty("connection").GetString());

        var queues = Declared.Where(f => TriggerType(f) == "queueTrigger").ToDictionary(f => f.GetProperty("name").GetString()!, f => Trigger(f));
        Assert.Equal($"%{AppSettings.FollowUpsQueue}%", queues[nameof(FollowUpFunctions.BotFollowUp)].GetProperty("queueName").GetString());
        Assert.Equal($"%{AppSettings.FollowUpsQueue}%-poison", queues[nameof(FollowUpFunctions.BotFollowUpPoison)].GetProperty("queueName").GetString());
    }
}
