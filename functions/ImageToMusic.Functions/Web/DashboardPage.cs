using ImageToMusic.Engine.Feedback;
using ImageToMusic.Functions.Endpoints;
using ImageToMusic.Functions.Hosting;

namespace ImageToMusic.Functions.Web;

/// <summary>
/// GET /dashboard (key-protected): the feedback report from the live store, rendered by the same
/// <see cref="FeedbackReportHtml"/> as `report --html`, plus links to the home page and the CSV export.
/// </summary>
public static class DashboardPage
{
    public const string Path = "/dashboard";

    public static IResult Handle(HttpRequest request, Backend backend)
    {
        var view = new FeedbackReportView("this app's store", null, FeedbackReports.FromStores(backend.Feedback, backend.Analyses, backend.Surveys));
        // A browser opens the dashboard with ?code=KEY; the export link carries the same key so it works from the page.
        var code = request.Query["code"].FirstOrDefault();
        var csv = FeedbackCsvEndpoint.Path + (code is null ? "" : QueryString.Create("code", code).ToUriComponent());
        var headers = request.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        // The report is one self-contained page: its inline styles and its own links, nothing else.
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";
        return Results.Content(FeedbackReportHtml.Render(view, new FeedbackReportHtml.PageLinks("/", csv)), "text/html; charset=utf-8");
    }
}
