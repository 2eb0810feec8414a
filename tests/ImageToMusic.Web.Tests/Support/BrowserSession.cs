using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace ImageToMusic.Web.Tests.Support;

/// <summary>
/// Debian's headless Chromium driven by Playwright's bundled driver (no browser download), on a fresh context per
/// test. Every request leaving 127.0.0.1 is aborted and remembered, so a test fails if a page reaches anywhere
/// else (a CDN, fonts, analytics): the pages must work with no network. Script errors and console errors
/// (including Content-Security-Policy refusals) are remembered too.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly ConcurrentQueue<string> offMachine = new();
    private readonly ConcurrentQueue<string> pageErrors = new();

    private BrowserSession(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page)
    {
        this.playwright = playwright;
        this.browser = browser;
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }

    /// <summary>Screenshots go here, beside the test binaries, one file per page a test visits.</summary>
    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task<BrowserSession> StartAsync(Uri app)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.ToString(), ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        context.SetDefaultTimeout(30_000);
        var session = new BrowserSession(playwright, browser, context, await context.NewPageAsync());
        session.Page.PageError += (_, error) => session.pageErrors.Enqueue(error);
        session.Page.Console += (_, message) =>
        {
            if (message.Type == "error") session.pageErrors.Enqueue(message.Text);
        };
        await context.RouteAsync("**/*", async route =>
        {
            if (Uri.TryCreate(route.Request.Url, UriKind.Absolute, out var uri) && (uri.Scheme is "data" or "blob" || uri.Host == "127.0.0.1"))
                await route.ContinueAsync();
            else
            {
                session.offMachine.Enqueue(route.Request.Url);
                await route.AbortAsync();
            }
        });
        return session;
    }

    /// <summary>Saves a full-page screenshot as screenshots/{name}.png and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>Fails when any page asked for something off 127.0.0.1, threw, or logged an error.</summary>
    public void AssertPagesRanCleanly()
    {
        Assert.True(offMachine.IsEmpty, $"The pages requested addresses off 127.0.0.1: {string.Join(", ", offMachine)}");
        Assert.True(pageErrors.IsEmpty, $"The pages reported errors: {string.Join(" | ", pageErrors)}");
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
