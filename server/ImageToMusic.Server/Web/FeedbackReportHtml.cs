using System.Text;
using ImageToMusic.Engine.Feedback;
using static System.Net.WebUtility;

namespace ImageToMusic.Server.Web;

/// <summary>
/// The feedback report as one HTML page that works offline: styles and charts inline (SVG, see
/// <see cref="ReportCharts"/>), no scripts, no external resources. `report --html` writes it to a file and
/// GET /dashboard serves it. Every chart repeats figures in the table beside it, so it carries a text label
/// for screen readers and nothing is said by colour alone.
/// </summary>
public static class FeedbackReportHtml
{
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
            svg { display: block; max-width: 100%; height: auto; }
            h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; }
            figure { margin: 0 0 .5rem; }
            nav { margin: 0 0 1rem; }
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
            html.Append("<p>Bars show the share, the black whisker its 95% Wilson interval and the dashed red line the paper's figure; each chart's figures are in the table below it.</p>\n");
            Overall(html, view.Report.Overall);
            foreach (var (title, groups) in view.Breakdowns)
            {
                // Days are ordered in time, so they get a line chart; the other breakdowns are categories.
                var chart = ReferenceEquals(groups, view.Report.ByDay) ? ReportCharts.OverTime(groups) : ReportCharts.Whiskers(title, groups);
                Breakdown(html, title, groups, chart);
            }
        }
        MoodConfusionTable(html, view.Report.MoodConfusion);
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Overall(StringBuilder html, FeedbackFigures overall)
    {
        html.Append("<table>\n<caption>Overall</caption>\n<thead><tr><th scope=\"col\">Figure</th><th scope=\"col\">Share</th><th scope=\"col\">95% interval</th><th scope=\"col\">n</th><th scope=\"col\">Compared with the paper</th><th scope=\"col\">Chart</th></tr></thead>\n<tbody>\n");
        foreach (var (name, share, paper) in new[] { ("Satisfaction", overall.Satisfaction, FeedbackMetrics.PaperSatisfaction), ("Precision@5", overall.PrecisionAt5, FeedbackMetrics.PaperPrecisionAt5) })
            html.Append($"<tr><th scope=\"row\">{name}</th>{Cells(share)}<td>{HtmlEncode(FeedbackReportView.AgainstPaper(share, paper))}</td><td>{ReportCharts.ShareBar(name, share, paper)}</td></tr>\n");
        html.Append("</tbody>\n</table>\n");
    }

    private static void Breakdown(StringBuilder html, string title, IReadOnlyList<FeedbackGroup> groups, string chart)
    {
        html.Append($"<section>\n<h2>{HtmlEncode(title)}</h2>\n<figure>{chart}</figure>\n");
        html.Append($"<table>\n<caption>{HtmlEncode(title)}</caption>\n<thead><tr><th scope=\"col\">Group</th>" +
                    "<th scope=\"col\">Satisfaction</th><th scope=\"col\">95% interval</th><th scope=\"col\">n votes</th>" +
                    "<th scope=\"col\">Precision@5</th><th scope=\"col\">95% interval</th><th scope=\"col\">n suggestions</th></tr></thead>\n<tbody>\n");
        foreach (var group in groups)
            html.Append($"<tr><th scope=\"row\">{HtmlEncode(group.Key)}</th>{Cells(group.Figures.Satisfaction)}{Cells(group.Figures.PrecisionAt5)}</tr>\n");
        html.Append("</tbody>\n</table>\n</section>\n");
    }

    /// <summary>Rows are the predicted mood, columns the mood respondents chose; agreeing cells are bold and marked "(agree)", not only shaded.</summary>
    private static void MoodConfusionTable(StringBuilder html, MoodConfusion confusion)
    {
        html.Append("<section id=\"mood-confusion\">\n<h2>Predicted mood against the mood chosen in surveys</h2>\n");
        if (confusion.N == 0)
        {
            html.Append("<p>No survey answer names a mood yet; the matrix appears here once surveys are answered.</p>\n</section>\n");
            return;
        }
        html.Append($"<p>{HtmlEncode(FeedbackReportView.AgreementSentence(confusion))}</p>\n");
        html.Append("<table>\n<caption>Predicted mood (rows) against the mood chosen (columns)</caption>\n<thead><tr><th scope=\"col\">Predicted \\ chosen</th>");
        foreach (var word in confusion.Words) html.Append($"<th scope=\"col\">{HtmlEncode(word)}</th>");
        html.Append("<th scope=\"col\">Total</th></tr></thead>\n<tbody>\n");
        for (var p = 0; p < confusion.Words.Count; p++)
        {
            html.Append($"<tr><th scope=\"row\">{HtmlEncode(confusion.Words[p])}</th>");
            for (var c = 0; c < confusion.Words.Count; c++)
                html.Append(p == c
                    ? $"<td style=\"background:#e2f0e8\"><strong>{confusion.Counts[p][c]}</strong> (agree)</td>"
                    : $"<td>{confusion.Counts[p][c]}</td>");
            html.Append($"<td>{confusion.Counts[p].Sum()}</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static string Cells(Proportion p) =>
        $"<td>{FeedbackReportView.Percent(p.Rate)}</td><td>{FeedbackReportView.Interval(p)}</td><td>{p.N}</td>";
}
