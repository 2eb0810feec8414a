using System.Globalization;
using System.Text;
using ImageToMusic.Engine.Feedback;
using static System.Net.WebUtility;

namespace ImageToMusic.Functions.Web;

/// <summary>
/// The feedback report as one HTML file that works offline: styles and charts inline (SVG bars), no scripts,
/// no external resources. Every chart repeats figures already in its table row, so it carries a text label
/// for screen readers and nothing is said by colour alone.
/// </summary>
public static class FeedbackReportHtml
{
    private const int BarWidth = 200;

    /// <summary>Links the served dashboard shows; the stand-alone file has none, as it must work offline.</summary>
    public sealed record PageLinks(string Home, string CsvExport);

    public static string Render(FeedbackReportView view, PageLinks? links = null)
    {
        var html = new StringBuilder();
        html.Append("""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>ImageToMusic feedback report</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2rem; color: #1a202c; background: #fff; }
            table { border-collapse: collapse; margin: 0 0 2rem; }
            caption { text-align: left; font-weight: bold; padding: .5rem 0; }
            th, td { padding: .25rem .75rem; border-bottom: 1px solid #cbd5e0; text-align: right; }
            th[scope=row], thead th:first-child { text-align: left; }
            svg { display: block; }
            </style>
            </head>
            <body>
            <main>
            <h1>Feedback report</h1>

            """);
        if (links is not null)
            html.Append($"<nav aria-label=\"Pages\"><a href=\"{HtmlEncode(links.Home)}\">Home</a> · <a href=\"{HtmlEncode(links.CsvExport)}\" download>Export all votes as CSV</a></nav>\n");
        html.Append($"<p>{HtmlEncode(view.Heading)}</p>\n");
        if (!view.IsEmpty)
        {
            html.Append("<p>Bars show the share, the black line its 95% Wilson interval and the dashed red mark the paper's figure.</p>\n");
            Overall(html, view.Report.Overall);
            foreach (var (title, groups) in view.Breakdowns) Breakdown(html, title, groups);
        }
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Overall(StringBuilder html, FeedbackFigures overall)
    {
        html.Append("<table>\n<caption>Overall</caption>\n<thead><tr><th scope=\"col\">Figure</th><th scope=\"col\">Share</th><th scope=\"col\">95% interval</th><th scope=\"col\">n</th><th scope=\"col\">Compared with the paper</th><th scope=\"col\">Chart</th></tr></thead>\n<tbody>\n");
        foreach (var (name, share, paper) in new[] { ("Satisfaction", overall.Satisfaction, FeedbackMetrics.PaperSatisfaction), ("Precision@5", overall.PrecisionAt5, FeedbackMetrics.PaperPrecisionAt5) })
            html.Append($"<tr><th scope=\"row\">{name}</th>{Cells(share)}<td>{HtmlEncode(FeedbackReportView.AgainstPaper(share, paper))}</td><td>{Bar(name, share, paper)}</td></tr>\n");
        html.Append("</tbody>\n</table>\n");
    }

    private static void Breakdown(StringBuilder html, string title, IReadOnlyList<FeedbackGroup> groups)
    {
        html.Append($"<table>\n<caption>{HtmlEncode(title)}</caption>\n<thead><tr><th scope=\"col\">Group</th>" +
                    "<th scope=\"col\">Satisfaction</th><th scope=\"col\">95% interval</th><th scope=\"col\">n votes</th><th scope=\"col\">Chart</th>" +
                    "<th scope=\"col\">Precision@5</th><th scope=\"col\">95% interval</th><th scope=\"col\">n suggestions</th><th scope=\"col\">Chart</th></tr></thead>\n<tbody>\n");
        foreach (var group in groups)
        {
            var (satisfaction, precision) = (group.Figures.Satisfaction, group.Figures.PrecisionAt5);
            html.Append($"<tr><th scope=\"row\">{HtmlEncode(group.Key)}</th>" +
                        $"{Cells(satisfaction)}<td>{Bar($"Satisfaction for {group.Key}", satisfaction, FeedbackMetrics.PaperSatisfaction)}</td>" +
                        $"{Cells(precision)}<td>{Bar($"Precision@5 for {group.Key}", precision, FeedbackMetrics.PaperPrecisionAt5)}</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static string Cells(Proportion p) =>
        $"<td>{FeedbackReportView.Percent(p.Rate)}</td><td>{FeedbackReportView.Interval(p)}</td><td>{p.N}</td>";

    private static string Bar(string name, Proportion p, double paper)
    {
        static string X(double share) => (share * BarWidth).ToString("F1", CultureInfo.InvariantCulture);
        var label = HtmlEncode($"{name}: {FeedbackReportView.Percent(p.Rate)}, 95% interval {FeedbackReportView.Interval(p)}, paper {FeedbackReportView.Percent(paper)}");
        var svg = new StringBuilder($"<svg role=\"img\" aria-label=\"{label}\" width=\"{BarWidth}\" height=\"16\" viewBox=\"0 0 {BarWidth} 16\">");
        svg.Append($"<rect width=\"{BarWidth}\" height=\"16\" fill=\"#e2e8f0\"/>");
        if (p.Rate is { } rate) svg.Append($"<rect y=\"3\" width=\"{X(rate)}\" height=\"10\" fill=\"#2b6cb0\"/>");
        if (p.Interval is { } i) svg.Append($"<line x1=\"{X(i.Low)}\" x2=\"{X(i.High)}\" y1=\"8\" y2=\"8\" stroke=\"#1a202c\" stroke-width=\"2\"/>");
        svg.Append($"<line x1=\"{X(paper)}\" x2=\"{X(paper)}\" y1=\"0\" y2=\"16\" stroke=\"#c53030\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>");
        return svg.Append("</svg>").ToString();
    }
}
