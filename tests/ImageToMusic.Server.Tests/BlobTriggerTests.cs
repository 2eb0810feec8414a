using System.Net;
using System.Text.Json;
using ImageToMusic.Server.Tests.Support;

namespace ImageToMusic.Server.Tests;

/// <summary>
/// AnalyzeImage driven with the Functions host's blob-trigger payloads, and GET /api/analyses/{id}: once on the
/// embedded services (SQLite, a folder), once on Azurite and the Cosmos server.
/// </summary>
public abstract class BlobTriggerTests(Services services) : IAsyncLifetime
{
    private RunningApp app = null!;

    public async Task InitializeAsync() => app = await RunningApp.StartAsync(on: services);

    public async Task DisposeAsync() => await app.DisposeAsync();

    private static byte[] Photo(string name) => File.ReadAllBytes(Path.Combine(TestData.Emotion6Images, name));

    private async Task<JsonElement> GetAnalysis(string id)
    {
        var response = await app.Client.GetAsync($"/api/analyses/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Emotion6Fact]
    public async Task An_upload_becomes_one_stored_analysis_with_mood_tracks_and_timings()
    {
        var (response, id) = await app.UploadAndTriggerAsync("beach.jpg", Photo("joy/4.jpg"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var invocation = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(JsonValueKind.Object, invocation.GetProperty("Outputs").ValueKind);
        Assert.Contains("uploads/beach.jpg", invocation.GetProperty("Logs")[0].GetString());
        var analysis = await GetAnalysis(id);
        Assert.Equal("ok", analysis.GetProperty("status").GetString());
        Assert.Equal("uploads/beach.jpg", analysis.GetProperty("source").GetString());
        Assert.Equal(id, RunningApp.AnalysisIdOf("beach.jpg", analysis.GetProperty("source_version").GetString()!));
        Assert.InRange(analysis.GetProperty("mood").GetProperty("valence").GetDouble(), 1, 9);
        Assert.True(analysis.GetProperty("timings_ms").GetProperty("backbone_ms").GetDouble() > 0);
        var recommendation = Assert.Single(analysis.GetProperty("recommendations").EnumerateArray());
        Assert.Equal(5, recommendation.GetProperty("tracks").GetArrayLength());
    }

    [Emotion6Fact]
    public async Task Delivering_the_same_blob_twice_keeps_one_analysis_and_one_recommendation()
    {
        var (_, id) = await app.UploadAndTriggerAsync("twice.jpg", Photo("joy/5.jpg"));
        var second = await app.TriggerAsync("twice.jpg");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var analysis = await GetAnalysis(id);
        Assert.Single(analysis.GetProperty("recommendations").EnumerateArray());
        Assert.Single(app.Backend.Analyses.RecommendationsFor(id));
    }

    [Fact]
    public async Task A_blob_that_is_not_an_image_becomes_a_failed_analysis_and_the_invocation_succeeds()
    {
        var (response, id) = await app.UploadAndTriggerAsync("notes.jpg", "shopping list: milk"u8.ToArray());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var analysis = await GetAnalysis(id);
        Assert.Equal("failed", analysis.GetProperty("status").GetString());
        Assert.Equal("unsupported_format", analysis.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_blob_gone_before_it_is_read_is_logged_and_not_retried()
    {
        var response = await app.TriggerAsync("vanished.jpg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("gone before it could be read", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("a\0b.jpg")]
    [InlineData("../../outside.jpg")]
    [InlineData("/absolute.jpg")]
    [InlineData("dir/../../x.jpg")]
    public async Task A_blob_name_no_upload_can_have_is_a_400_problem(string name)
    {
        var response = await app.TriggerAsync(name);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a blob name", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_invocation_without_trigger_metadata_is_a_400_problem()
    {
        var response = await app.Client.PostAsync("/AnalyzeImage", new StringContent("""{"Data":{}}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Metadata", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_analysis_is_a_404_problem()
    {
        var response = await app.Client.GetAsync("/api/analyses/an-nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains("an-nope", problem.GetProperty("detail").GetString());
    }
}

public sealed class EmbeddedBlobTriggerTests() : BlobTriggerTests(Services.Embedded);

public sealed class AzureLocalBlobTriggerTests() : BlobTriggerTests(Services.AzureLocal);
