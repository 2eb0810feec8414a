using ImageToMusic.Engine.Feedback;
using ImageToMusic.Server.Endpoints;
using ImageToMusic.Server.Tests.Support;
using ImageToMusic.Web.Tests.Support;
using Microsoft.Playwright;

namespace ImageToMusic.Web.Tests;

/// <summary>A vote cast on the home page shows on the dashboard and in its CSV export.</summary>
public sealed class DashboardTests
{
    private static string Dashboard => $"/dashboard?code={RunningApp.ApiKey}";

    [Emotion6Fact]
    public async Task A_thumbs_up_on_the_home_page_changes_the_dashboard_and_appears_in_the_csv_export()
    {
        await using var app = await RunningApp.StartAsync();
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        var page = browser.Page;

        await page.GotoAsync(Dashboard);
        await Assertions.Expect(page.GetByText("no feedback yet (n = 0).")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("dashboard-empty");

        await page.GotoAsync("/");
        await page.GetByLabel("Choose a photo", new() { Exact = true }).SetInputFilesAsync(Path.Combine(TestData.Emotion6Images, "joy", "6.jpg"));
        var first = page.Locator("#tracks > li").First;
        await first.GetByRole(AriaRole.Button, new() { Name = "👍 Fits" }).ClickAsync();
        await Assertions.Expect(first.GetByText("Thanks: noted as a fit.")).ToBeVisibleAsync();
        await Assertions.Expect(first.GetByRole(AriaRole.Button, new() { Name = "👍 Fits" })).ToHaveAttributeAsync("aria-pressed", "true");
        var trackId = await first.GetAttributeAsync("data-track-id");
        await browser.ScreenshotAsync("home-voted");

        await page.GotoAsync(Dashboard);
        await Assertions.Expect(page.GetByText("1 votes on 1 suggestions.", new() { Exact = false })).ToBeVisibleAsync();
        var satisfaction = page.Locator("table").First.GetByRole(AriaRole.Row, new() { Name = "Satisfaction" });
        await Assertions.Expect(satisfaction).ToContainTextAsync("100.0%");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "By platform" }).GetByRole(AriaRole.Rowheader, new() { Name = "web" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync("dashboard-after-vote");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export all votes as CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", FeedbackCsvEndpoint.Columns), lines[0]);
        var row = Assert.Single(lines[1..]).Split(',');
        Assert.Equal([trackId!, "up", "web", ""], [row[2], row[4], row[5], row[6]]);
        // The browser's opaque id is stored only as the salted hash every door uses.
        var browserId = await page.EvaluateAsync<string>("localStorage.getItem('imagetomusic-user')");
        Assert.Equal(UserIds.Hash(RunningApp.Salt, "web", browserId), row[3]);
        browser.AssertPagesRanCleanly();
    }
}
