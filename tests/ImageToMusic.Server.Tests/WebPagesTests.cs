using System.Net;
using System.Text.RegularExpressions;
using ImageToMusic.Server.Tests.Support;

namespace ImageToMusic.Server.Tests;

/// <summary>The pages the app serves itself: who may see them, content types and caching.</summary>
public sealed class WebPagesTests : IAsyncLifetime
{
    private RunningApp app = null!;
    private HttpClient anonymous = null!;

    public async Task InitializeAsync()
    {
        app = await RunningApp.StartAsync();
        anonymous = new HttpClient { BaseAddress = app.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        anonymous.Dispose();
        await app.DisposeAsync();
    }

    [Theory]
    [InlineData("/", "text/html", "no-cache")]
    [InlineData("/survey/sv-anything", "text/html", "no-cache")]
    [InlineData("/static/site.css", "text/css", "public, max-age=300")]
    [InlineData("/static/home.js", "text/javascript", "public, max-age=300")]
    public async Task Pages_and_their_files_are_open_to_all_typed_cached_and_revalidated_by_etag(string path, string type, string cacheControl)
    {
        var first = await anonymous.GetAsync(path);
        using var again = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { IfNoneMatch = { first.Headers.ETag! } } };
        var second = await anonymous.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(type, first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(cacheControl, first.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        if (type == "text/html") Assert.Equal(Web.WebAssets.ContentSecurityPolicy, first.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Pages_are_not_served_as_static_files_and_unknown_files_are_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/static/home.html")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/static/nothing.js")).StatusCode);
    }

    [Fact]
    public async Task The_pages_name_only_files_the_app_serves_and_nothing_on_another_host()
    {
        foreach (var path in new[] { "/", "/survey/sv-x" })
        {
            var html = await anonymous.GetStringAsync(path);
            foreach (Match reference in Regex.Matches(html, "(?:src|href)=\"([^\"]+)\""))
            {
                var target = reference.Groups[1].Value;
                Assert.StartsWith("/", target);
                Assert.False(target.StartsWith("//", StringComparison.Ordinal), $"{path} names {target} on another host.");
                Assert.NotEqual(HttpStatusCode.NotFound, (await app.Client.GetAsync(target)).StatusCode);
            }
        }
    }

    [Fact]
    public async Task The_dashboard_needs_the_key_and_links_the_csv_export_with_it()
    {
        var without = await anonymous.GetAsync("/dashboard");
        var with = await anonymous.GetAsync($"/dashboard?code={RunningApp.ApiKey}");

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        // A person who followed a link is told how to get in, in a page rather than problem JSON.
        Assert.Equal("text/html", without.Content.Headers.ContentType?.MediaType);
        Assert.Contains("The dashboard needs the API key", await without.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.Equal("text/html", with.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"href=\"/api/feedback.csv?code={RunningApp.ApiKey}\"", await with.Content.ReadAsStringAsync());
    }
}
