using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ImageToMusic.Server.Tests.Support;

namespace ImageToMusic.Server.Tests;

/// <summary>POST /api/story/soundtrack over real HTTP: multipart uploads, blobs and URLs, and every way a request can be wrong.</summary>
public sealed class StorySoundtrackTests : IAsyncLifetime
{
    private RunningApp app = null!;

    public async Task InitializeAsync() => app = await RunningApp.StartAsync(new ServerOptions { AllowLocalImageServers = true });

    public async Task DisposeAsync() => await app.DisposeAsync();

    private static byte[] Photo(string name) => File.ReadAllBytes(Path.Combine(TestData.Emotion6Images, name));

    private static MultipartFormDataContent Form(IEnumerable<(string Name, byte[] Bytes)> files, params (string Field, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(part, "images", name);
        }
        foreach (var (field, value) in fields) form.Add(new StringContent(value), field);
        return form;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Emotion6Fact]
    public async Task Three_uploaded_photos_get_a_track_each_in_order_without_repeats_and_with_transitions()
    {
        var response = await app.Client.PostAsync("/api/story/soundtrack",
            Form([("a.jpg", Photo("joy/1.jpg")), ("b.jpg", Photo("sadness/12.jpg")), ("c.jpg", Photo("anger/3.jpg"))]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var story = await Json(response);
        Assert.Equal("per_image", story.GetProperty("mode").GetString());
        var images = story.GetProperty("images").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2], images.Select(i => i.GetProperty("index").GetInt32()));
        var tracks = story.GetProperty("tracks").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2], tracks.Select(t => t.GetProperty("image_index").GetInt32()));
        Assert.Equal(3, tracks.Select(t => t.GetProperty("id").GetString()).Distinct().Count());
        Assert.Equal(3, tracks.Select(t => t.GetProperty("artist").GetString()).Distinct().Count());
        Assert.Equal(JsonValueKind.Null, tracks[0].GetProperty("tempo_change_bpm").ValueKind);
        Assert.Equal(tracks[1].GetProperty("tempo_bpm").GetDouble() - tracks[0].GetProperty("tempo_bpm").GetDouble(), tracks[1].GetProperty("tempo_change_bpm").GetDouble(), 1);

        var stored = (await app.Analyses.FindRecommendationAsync(images[1].GetProperty("recommendation_id").GetString()!))!;
        Assert.Equal(images[1].GetProperty("analysis_id").GetString(), stored.AnalysisId);
        Assert.Equal(tracks[1].GetProperty("id").GetString(), Assert.Single(stored.Tracks).TrackId);
    }

    [Emotion6Fact]
    public async Task Blobs_in_whole_mode_fill_the_target_duration_and_the_list_takes_feedback()
    {
        foreach (var (name, photo) in new[] { ("x.jpg", "joy/2.jpg"), ("y.jpg", "joy/3.jpg") })
            await app.PutAsync(name, Photo(photo));

        var response = await app.Client.PostAsJsonAsync("/api/story/soundtrack", new
        {
            images = new[] { new { blob = "x.jpg" }, new { blob = "y.jpg" } }, mode = "whole", target_duration_seconds = 1200,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var story = await Json(response);
        var tracks = story.GetProperty("tracks").EnumerateArray().ToList();
        var total = story.GetProperty("total_duration_seconds").GetDouble();
        Assert.InRange(total, 1200 - tracks.Max(t => t.GetProperty("duration_seconds").GetDouble()), 1200 + tracks.Max(t => t.GetProperty("duration_seconds").GetDouble()));
        Assert.Equal(tracks.Count, tracks.Select(t => t.GetProperty("id").GetString()).Distinct().Count());
        Assert.All(tracks, t => Assert.Equal(JsonValueKind.Null, t.GetProperty("image_index").ValueKind));

        var vote = await app.Client.PostAsJsonAsync("/api/feedback", new
        {
            recommendation_id = story.GetProperty("recommendation_id").GetString(), track_id = tracks[^1].GetProperty("id").GetString(), vote = "up", user = "dana",
        });
        Assert.Equal(HttpStatusCode.Created, vote.StatusCode);
    }

    [Emotion6Fact]
    public async Task A_photo_named_by_url_is_fetched_and_a_local_url_is_refused_without_being_contacted()
    {
        await using var images = await PhotoServer.StartAsync(Photo("joy/7.jpg"));
        var fetched = await app.Client.PostAsJsonAsync("/api/story/soundtrack", new { images = new[] { new { url = images.Url } } });
        var requestsSoFar = images.Requests;

        // As on Azure: only https URLs of public addresses. The same server, named by loopback in two spellings.
        await using var strict = await RunningApp.StartAsync();
        var refused = await strict.Client.PostAsJsonAsync("/api/story/soundtrack", new { images = new[] { new { url = images.Url } } });
        var refusedLocalhost = await strict.Client.PostAsJsonAsync("/api/story/soundtrack",
            new { images = new[] { new { url = images.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal).Replace("http:", "https:", StringComparison.Ordinal) } } });

        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(images.Url, (await Json(fetched)).GetProperty("images")[0].GetProperty("source").GetString());
        foreach (var response in new[] { refused, refusedLocalhost })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await Json(response);
            Assert.Equal("source_not_allowed", problem.GetProperty("code").GetString());
            Assert.Equal("image 1: The image could not be fetched from that URL: it must be a public https address that serves the image.",
                problem.GetProperty("detail").GetString());
        }
        Assert.Equal(requestsSoFar, images.Requests); // nothing was fetched for the refused stories
    }

    [Emotion6Theory]
    [InlineData("min_tempo", "Infinity")]
    [InlineData("max_tempo", "-Infinity")]
    [InlineData("min_tempo", "NaN")]
    [InlineData("target_duration_seconds", "1e999")]
    public async Task Numbers_must_be_finite(string field, string value)
    {
        var response = await app.Client.PostAsync("/api/story/soundtrack", Form([("a.jpg", Photo("joy/1.jpg"))], (field, value)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"{field} must be a finite number", (await Json(response)).GetProperty("detail").GetString());
    }

    [Emotion6Fact]
    public async Task A_photo_server_that_is_briefly_unavailable_is_asked_again()
    {
        await using var images = await PhotoServer.StartAsync(Photo("joy/7.jpg"), unavailableFirst: 1);

        var fetched = await app.Client.PostAsJsonAsync("/api/story/soundtrack", new { images = new[] { new { url = images.Url } } });

        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(2, images.Requests); // the 503, then the photo
    }

    [Emotion6Fact]
    public async Task Unusable_photos_are_named_with_the_right_status()
    {
        var corrupt = Photo("joy/1.jpg")[..2000];
        var notAnImage = await app.Client.PostAsync("/api/story/soundtrack", Form([("a.jpg", Photo("joy/1.jpg")), ("notes.txt", "milk, eggs"u8.ToArray())]));
        var broken = await app.Client.PostAsync("/api/story/soundtrack", Form([("broken.jpg", corrupt)]));
        var huge = await app.Client.PostAsync("/api/story/soundtrack", Form([("huge.jpg", new byte[21 * 1024 * 1024])]));
        var missingBlob = await app.Client.PostAsJsonAsync("/api/story/soundtrack", new { images = new[] { new { blob = "nope.jpg" } } });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notAnImage.StatusCode);
        Assert.Contains("image 2 (upload:notes.txt)", (await Json(notAnImage)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingBlob.StatusCode);
    }

    [Theory]
    [InlineData("""{"images": []}""", "1 to 20 images")]
    [InlineData("""{"mode": "whole"}""", "images is required")]
    [InlineData("""{"images": [{"blob": "a.jpg", "url": "https://x.org/a.jpg"}]}""", "exactly one of")]
    [InlineData("""{"images": [{"blob": "a.jpg"}], "mode": "shuffle"}""", "mode must be")]
    [InlineData("""{"images": [{"blob": "a.jpg"}], "target_duration_seconds": -5}""", "duration")]
    [InlineData("""{"images": [{"blob": "a.jpg"}], "min_tempo": 150, "max_tempo": 90}""", "tempo")]
    [InlineData("""{"images": [{"blob": "a.jpg"}""", "not valid")]
    [InlineData("""{"images": [{"blob": "../store.db"}]}""", "'../store.db' is not a blob name")]
    [InlineData("""{"images": [{"blob": "a\u0000.jpg"}]}""", "control characters")]
    public async Task Malformed_story_requests_are_400_saying_what_is_wrong(string body, string expected)
    {
        var response = await app.Client.PostAsync("/api/story/soundtrack", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await Json(response)).GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Twenty_one_photos_are_refused_and_plain_text_is_415()
    {
        var many = await app.Client.PostAsJsonAsync("/api/story/soundtrack", new { images = Enumerable.Range(0, 21).Select(i => new { blob = $"{i}.jpg" }) });
        var text = await app.Client.PostAsync("/api/story/soundtrack", new StringContent("a.jpg", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, many.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_json_body_over_256_KB_is_413_before_it_is_parsed_declared_or_chunked(bool declaredLength)
    {
        // 2,000,000 references: parsing them whole took 7.8 s before the 1–20 check could refuse them.
        var json = "{\"images\": [" + string.Join(",", Enumerable.Repeat("{\"blob\":\"a.jpg\"}", 2_000_000)) + "]}";
        HttpContent content = declaredLength
            ? new StringContent(json, Encoding.UTF8, "application/json")
            : new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json))) { Headers = { ContentType = new("application/json") } };
        if (!declaredLength) content.Headers.ContentLength = null; // sent chunked

        HttpResponseMessage response;
        try
        {
            response = await app.Client.PostAsync("/api/story/soundtrack", content);
        }
        catch (HttpRequestException e) when (e.InnerException is IOException)
        {
            return; // answered and closed while the client was still sending: refused without reading it
        }

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("262,144 bytes", (await Json(response)).GetProperty("detail").GetString());
    }
}
