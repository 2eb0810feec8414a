using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ImageToMusic.Engine.Feedback;
using ImageToMusic.Server.Tests.Support;

namespace ImageToMusic.Server.Tests;

/// <summary>The home page's anonymous endpoints: no key, one limit per address, and the same stores as the API.</summary>
public sealed class WebApiTests
{
    private static MultipartFormDataContent Photos(params string[] names)
    {
        var form = new MultipartFormDataContent();
        foreach (var name in names)
        {
            var part = new ByteArrayContent(File.ReadAllBytes(Path.Combine(TestData.Emotion6Images, name)));
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(part, "images", Path.GetFileName(name));
        }
        return form;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Emotion6Fact]
    public async Task Suggest_needs_no_key_and_stores_a_list_of_five_that_a_web_vote_can_name()
    {
        await using var app = await RunningApp.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };

        var suggestion = await Json(await anonymous.PostAsync("/api/web/suggest", Photos("joy/6.jpg")));
        var recommendationId = suggestion.GetProperty("recommendation_id").GetString()!;
        var tracks = suggestion.GetProperty("tracks").EnumerateArray().ToList();
        var vote = await anonymous.PostAsJsonAsync("/api/web/feedback", new
        {
            recommendation_id = recommendationId, track_id = tracks[2].GetProperty("track_id").GetString(), vote = "down", user = "browser-id-1",
        });

        Assert.Equal(5, tracks.Count);
        Assert.Contains(suggestion.GetProperty("mood").GetProperty("word").GetString(), ImageToMusic.Engine.Music.MusicMoods.All);
        Assert.InRange(suggestion.GetProperty("mood").GetProperty("emotions").EnumerateObject().Count(), 1, 5);
        Assert.All(suggestion.GetProperty("palette").EnumerateArray(), c => Assert.Matches("^#[0-9a-f]{6}$", c.GetProperty("hex").GetString()));
        Assert.Equal(recommendationId, (await app.Analyses.RecommendationsForAsync(suggestion.GetProperty("analysis_id").GetString()!)).Single().Id);
        Assert.Equal(HttpStatusCode.Created, vote.StatusCode);
        var stored = Assert.Single(await app.Feedback.AllAsync());
        Assert.Equal(("web", Vote.Down, UserIds.Hash(RunningApp.Salt, "web", "browser-id-1")), (stored.Platform, stored.Vote, stored.UserHash));
    }

    [Emotion6Fact]
    public async Task The_web_page_and_the_analyses_api_show_a_photos_mood_in_one_shape()
    {
        await using var app = await RunningApp.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };

        var suggestion = await Json(await anonymous.PostAsync("/api/web/suggest", Photos("joy/6.jpg")));
        var analysis = await Json(await app.Client.GetAsync($"/api/analyses/{suggestion.GetProperty("analysis_id").GetString()}"));
        var (web, api) = (suggestion.GetProperty("mood"), analysis.GetProperty("mood"));

        string[] shape = ["valence", "arousal", "word", "emotions"];
        Assert.Equal(shape, web.EnumerateObject().Select(p => p.Name));
        Assert.Equal(shape, api.EnumerateObject().Select(p => p.Name));
        foreach (var name in shape[..3]) Assert.Equal(api.GetProperty(name).ToString(), web.GetProperty(name).ToString());
        // The page shows the strongest five; the API keeps them all, in the same order.
        Assert.Equal(api.GetProperty("emotions").EnumerateObject().Take(5).Select(e => e.Name), web.GetProperty("emotions").EnumerateObject().Select(e => e.Name));
    }

    [Emotion6Fact]
    public async Task Suggest_takes_exactly_one_photo()
    {
        await using var app = await RunningApp.StartAsync();

        var two = await app.Client.PostAsync("/api/web/suggest", Photos("joy/6.jpg", "joy/7.jpg"));

        Assert.Equal(HttpStatusCode.BadRequest, two.StatusCode);
        Assert.Contains("exactly one photo", (await Json(two)).GetProperty("detail").GetString());
    }

    [Emotion6Fact]
    public async Task The_web_story_takes_uploads_and_refuses_blob_or_url_references()
    {
        await using var app = await RunningApp.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };

        var uploads = await anonymous.PostAsync("/api/web/story", Photos("joy/6.jpg", "sadness/10.jpg"));
        var references = await anonymous.PostAsJsonAsync("/api/web/story", new { images = new[] { new { url = "https://example.com/a.jpg" } } });

        Assert.Equal(HttpStatusCode.OK, uploads.StatusCode);
        Assert.Equal(2, (await Json(uploads)).GetProperty("images").GetArrayLength());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, references.StatusCode);
    }

    [Fact]
    public async Task Web_endpoints_have_their_own_per_address_limit_that_keyed_clients_do_not_share()
    {
        await using var app = await RunningApp.StartAsync(new ServerOptions { WebRequestsPerMinutePerAddress = 2 });
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await anonymous.PostAsJsonAsync("/api/web/feedback", new { vote = "up" })).StatusCode);
        var keyed = await app.Client.GetAsync("/api/analyses/an-x");

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.NotFound, keyed.StatusCode);
    }
}
