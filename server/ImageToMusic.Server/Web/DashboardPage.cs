using ImageToMusic.Engine.Storage;
using ImageToMusic.Engine.Surveys;
using ImageToMusic.Engine.Feedback;
using ImageToMusic.Server.Endpoints;
using ImageToMusic.Server.Hosting;

namespace ImageToMusic.Server.Web;

/// <summary>
/// GET /dashboard (key-protected): the feedback report from the live store, rendered by the same
/// <see cref="FeedbackReportHtml"/> as `report --html`, plus links to the home page and the CSV export.
/// </summary>
public static class DashboardPage
{
    public static async Task<IResult> Handle(HttpRequest request, IFeedbackStore feedback, IAnalysisStore analyses, ISurveyStore surveys, CancellationToken cancellation)
    {
        var view = new FeedbackReportView("this app's store", null,
            await FeedbackReports.FromStoresAsync(feedback, analyses, surveys, cancellation: cancellation));
        // A browser opens the dashboard with ?code=KEY; the export link carries the same key so it works from the page.
        var code = request.Query["code"].FirstOrDefault();
        var csv = FeedbackCsvEndpoint.Path + (code is null ? "" : QueryString.Create("code", code).ToUriComponent());
        var headers = request.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        // The report is one self-contained page: its inline styles and its own links, nothing else.
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";
        return Results.Content(FeedbackReportHtml.Render(view, new FeedbackReportHtml.PageLinks("/", csv)), "text/html; charset=utf-8");
    }

    /// <summary>What a person who followed a link to the dashboard without the key sees: a page saying how to open it, not JSON.</summary>
    public static IResult NeedsKey() => Results.Content("""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>ImageToMusic dashboard: key needed</title></head>
        <body>
        <main>
        <h1>The dashboard needs the API key</h1>
        <p>Open <code>/dashboard?code=KEY</code> with the app's API key: <code>imagetomusic serve</code> prints the whole address,
        and on Azure the key is a function key of the app. <a href="/">Back to the home page</a>.</p>
        </main>
        </body>
        </html>
        """, "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);
}
