using System.Net;
using System.Text.Json;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Server.Tests.Support;

namespace ImageToMusic.Server.Tests;

/// <summary>
/// Uploads delivered to the analysis the blob trigger and the folder watcher call, and GET /api/analyses/{id}: once
/// on the embedded services (SQLite, a folder), once on Azurite and the Cosmos server.
/// </summary>
public abstract class UploadAnalysisTests(Services services) : IAsyncLifetime
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
        var (log, id) = await app.UploadAndAnalyzeAsync("beach.jpg", Photo("joy/4.jpg"));

        Assert.Contains($"uploads/beach.jpg", log);
        Assert.EndsWith("5 tracks", log);
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
        var (_, id) = await app.UploadAndAnalyzeAsync("twice.jpg", Photo("joy/5.jpg"));
        var second = await app.AnalyzeAsync("twice.jpg");

        Assert.EndsWith("not decoded again", second);
        var analysis = await GetAnalysis(id);
        Assert.Single(analysis.GetProperty("recommendations").EnumerateArray());
        Assert.Single(await app.Analyses.RecommendationsForAsync(id));
    }

    [Fact]
    public async Task A_blob_that_is_not_an_image_becomes_a_failed_analysis_and_nothing_is_thrown()
    {
        var (log, id) = await app.UploadAndAnalyzeAsync("notes.jpg", "shopping list: milk"u8.ToArray());

        Assert.Contains("unsupported_format", log);
        var analysis = await GetAnalysis(id);
        Assert.Equal("failed", analysis.GetProperty("status").GetString());
        Assert.Equal("unsupported_format", analysis.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_blob_gone_before_it_is_read_is_logged_and_not_retried()
    {
        Assert.Contains("gone before it could be read", await app.AnalyzeAsync("vanished.jpg"));
    }

    [Theory]
    [InlineData("a\0b.jpg")]
    [InlineData("../../outside.jpg")]
    [InlineData("/absolute.jpg")]
    [InlineData("dir/../../x.jpg")]
    public async Task A_blob_name_no_upload_can_have_is_refused_before_any_store_sees_it(string name)
    {
        Assert.Contains("not a blob name", await app.AnalyzeAsync(name));
        Assert.Null(await app.Analyses.FindFailureAsync(RecordIds.AnalysisIdFor($"uploads/{name}", "unread")));
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

public sealed class EmbeddedUploadAnalysisTests() : UploadAnalysisTests(Services.Embedded);

public sealed class AzureLocalUploadAnalysisTests() : UploadAnalysisTests(Services.AzureLocal);
