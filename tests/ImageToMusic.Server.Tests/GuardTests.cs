using System.Net;
using System.Text;
using ImageToMusic.Server.Tests.Support;

namespace ImageToMusic.Server.Tests;

/// <summary>The key check, rate limiting and size limit that protect the app outside Azure.</summary>
public class GuardTests
{
    [Fact]
    public async Task Requests_without_the_right_key_are_401_and_the_openapi_document_is_public()
    {
        await using var app = await RunningApp.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };

        var none = await anonymous.GetAsync("/api/analyses/an-x");
        using var wrongKey = new HttpRequestMessage(HttpMethod.Get, "/api/analyses/an-x") { Headers = { { "x-functions-key", "wrong" } } };
        var wrong = await anonymous.SendAsync(wrongKey);
        var byQuery = await anonymous.GetAsync($"/api/analyses/an-x?code={RunningApp.ApiKey}");
        var openApi = await anonymous.GetAsync("/api/openapi.json");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byQuery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
    }

    [Fact]
    public async Task A_client_over_its_rate_is_429_with_retry_after()
    {
        await using var app = await RunningApp.StartAsync(new ServerOptions { RequestsPerMinutePerClient = 3 });

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++) statuses.Add((last = await app.Client.GetAsync("/api/analyses/an-x")).StatusCode);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("3 requests per minute", await last.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_bot_endpoints_are_not_limited_per_address_because_the_platforms_share_a_few()
    {
        await using var app = await RunningApp.StartAsync(new ServerOptions { RequestsPerMinutePerClient = 2 });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await app.Client.PostAsync("/api/discord/interactions", new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode);
            statuses.Add((await app.Client.PostAsync("/api/messages", new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
        var ordinary = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) ordinary.Add((await app.Client.GetAsync("/api/analyses/an-x")).StatusCode);
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], ordinary);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        await using var app = await RunningApp.StartAsync(new ServerOptions { MaxRequestBytes = 1024 });

        var response = await app.Client.PostAsync("/api/feedback", new StringContent(new string('x', 4096), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
