using ImageToMusic.Server.Tests.Support;
using ImageToMusic.Web.Tests.Support;
using Microsoft.Playwright;

namespace ImageToMusic.Web.Tests;

/// <summary>The home page in a real browser against the real app: a photo in, its mood and five songs out.</summary>
public sealed class HomePageTests
{
    private static string Photo(string name) => Path.Combine(TestData.Emotion6Images, name);

    [Emotion6Fact]
    public async Task Uploading_a_photo_shows_the_mood_plane_palette_emotions_and_five_tracks()
    {
        await using var app = await RunningApp.StartAsync();
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        var page = browser.Page;

        await page.GotoAsync("/");
        await browser.ScreenshotAsync("home");
        // Keyboard users reach the photo picker by Tab, past the two navigation links.
        for (var i = 0; i < 3; i++) await page.Keyboard.PressAsync("Tab");
        Assert.Equal("photo", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.GetByLabel("Choose a photo", new() { Exact = true }).SetInputFilesAsync(Photo("joy/6.jpg"));

        var tracks = page.Locator("#tracks > li");
        await Assertions.Expect(tracks).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("#mood-plane svg[role=img]")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("^Mood plane: valence "));
        Assert.True(await page.Locator("#palette li").CountAsync() > 0);
        Assert.True(await page.Locator("#emotions svg[role=img]").CountAsync() == 1);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "👍 Fits" })).ToHaveCountAsync(5);
        await browser.ScreenshotAsync("home-suggestion");
        browser.AssertPagesRanCleanly();
    }

    [Emotion6Fact]
    public async Task Dropping_a_photo_on_the_page_analyses_it_like_picking_one()
    {
        await using var app = await RunningApp.StartAsync();
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        var page = browser.Page;
        await page.GotoAsync("/");

        // What a drag from the desktop delivers: a drop event whose DataTransfer holds the file.
        var bytes = Convert.ToBase64String(await File.ReadAllBytesAsync(Photo("sadness/2.jpg")));
        var dataTransfer = await page.EvaluateHandleAsync("""
            base64 => {
              const transfer = new DataTransfer();
              const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
              transfer.items.add(new File([bytes], "2.jpg", { type: "image/jpeg" }));
              return transfer;
            }
            """, bytes);
        await page.DispatchEventAsync("#one-form", "drop", new Dictionary<string, object> { ["dataTransfer"] = dataTransfer });

        var tracks = page.Locator("#tracks > li");
        await Assertions.Expect(tracks).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("#palette li").First).ToBeVisibleAsync();
        Assert.False(string.IsNullOrEmpty(await tracks.First.GetAttributeAsync("data-track-id")));
        await browser.ScreenshotAsync("home-dropped");
        browser.AssertPagesRanCleanly();
    }

    [Emotion6Fact]
    public async Task Story_mode_makes_one_soundtrack_for_three_photos_with_each_photos_mood_and_palette()
    {
        await using var app = await RunningApp.StartAsync();
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        var page = browser.Page;

        await page.GotoAsync("/");
        await page.GetByLabel("Choose 2 to 20 photos").SetInputFilesAsync(new[] { "joy/6.jpg", "sadness/10.jpg", "fear/100.jpg" }.Select(Photo));
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the soundtrack" }).ClickAsync();

        await Assertions.Expect(page.Locator("#story-photos-list > li")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#story-tracks > li")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#story-mood")).ToContainTextAsync("The story feels ");
        Assert.True(await page.Locator("#story-photos-list .swatch").CountAsync() >= 3);
        await browser.ScreenshotAsync("home-story");
        browser.AssertPagesRanCleanly();
    }
}
