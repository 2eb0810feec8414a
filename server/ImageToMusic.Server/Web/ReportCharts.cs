using System.Globalization;
using System.Text;
using ImageToMusic.Engine.Feedback;
using static System.Net.WebUtility;

namespace ImageToMusic.Server.Web;

/// <summary>
/// The report's inline SVG charts, drawn from the figures with no library. Shares are 0–100% on every axis; the
/// paper's figures are dashed reference lines. Each chart is role="img" with a text summary, and the page puts
/// the same figures in a table beside it, so nothing is said by the picture, or by colour, alone.
/// </summary>
public static class ReportCharts
{
    private const string Ink = "#1a202c";
    private const string Bar = "#90cdf4";
    private const string Paper = "#c53030";
    private const string Muted = "#4a5568";

    /// <summary>One share as a bar with its interval and the paper's mark, small enough for a table cell.</summary>
    public static string ShareBar(string name, Proportion p, double paper)
    {
        const int width = 200;
        static string X(double share) => F(share * width);
        var label = HtmlEncode($"{name}: {FeedbackReportView.Percent(p.Rate)}, 95% interval {FeedbackReportView.Interval(p)}, paper {FeedbackReportView.Percent(paper)}");
        var svg = new StringBuilder($"<svg role=\"img\" aria-label=\"{label}\" width=\"{width}\" height=\"16\" viewBox=\"0 0 {width} 16\">");
        svg.Append($"<rect width=\"{width}\" height=\"16\" fill=\"#e2e8f0\"/>");
        if (p.Rate is { } rate) svg.Append($"<rect y=\"3\" width=\"{X(rate)}\" height=\"10\" fill=\"#2b6cb0\"/>");
        if (p.Interval is { } i) svg.Append($"<line x1=\"{X(i.Low)}\" x2=\"{X(i.High)}\" y1=\"8\" y2=\"8\" stroke=\"{Ink}\" stroke-width=\"2\"/>");
        svg.Append($"<line x1=\"{X(paper)}\" x2=\"{X(paper)}\" y1=\"0\" y2=\"16\" stroke=\"{Paper}\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// A breakdown as two panels side by side, satisfaction and precision@5: per group a bar to its share, a
    /// whisker over its 95% interval, and the paper's figure as a dashed line across the panel.
    /// </summary>
    public static string Whiskers(string title, IReadOnlyList<FeedbackGroup> groups)
    {
        const int labelWidth = 150, panelWidth = 240, gap = 40, row = 24, top = 34, bottom = 24;
        var height = top + row * groups.Count + bottom;
        var width = labelWidth + 2 * panelWidth + gap + 24; // room for the last tick label, centred on the panel's edge
        var svg = new StringBuilder();
        svg.Append($"<svg role=\"img\" aria-label=\"{HtmlEncode($"{title}: satisfaction and precision@5 for {groups.Count} groups with 95% intervals and the paper's 72% and 78%; the table below gives the figures.")}\" ")
           .Append($"width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"system-ui, sans-serif\" font-size=\"12\">");
        for (var g = 0; g < groups.Count; g++)
            svg.Append($"<text x=\"0\" y=\"{top + g * row + 16}\" fill=\"{Ink}\">{HtmlEncode(Shorten(groups[g].Key))}</text>");
        Panel(svg, labelWidth, "Satisfaction", groups.Select(g => g.Figures.Satisfaction).ToList(), FeedbackMetrics.PaperSatisfaction);
        Panel(svg, labelWidth + panelWidth + gap, "Precision@5", groups.Select(g => g.Figures.PrecisionAt5).ToList(), FeedbackMetrics.PaperPrecisionAt5);
        return svg.Append("</svg>").ToString();

        void Panel(StringBuilder s, int left, string name, IReadOnlyList<Proportion> shares, double paper)
        {
            string X(double share) => F(left + share * panelWidth);
            var plotBottom = top + row * shares.Count;
            s.Append($"<text x=\"{left}\" y=\"14\" font-weight=\"bold\" fill=\"{Ink}\">{name}</text>");
            s.Append($"<rect x=\"{left}\" y=\"{top}\" width=\"{panelWidth}\" height=\"{row * shares.Count}\" fill=\"#f7fafc\" stroke=\"#cbd5e0\"/>");
            for (var i = 0; i < shares.Count; i++)
            {
                var y = top + i * row;
                if (shares[i].Rate is { } rate) s.Append($"<rect x=\"{left}\" y=\"{y + 6}\" width=\"{F(rate * panelWidth)}\" height=\"12\" fill=\"{Bar}\"/>");
                if (shares[i].Interval is { } ci)
                    s.Append($"<path d=\"M{X(ci.Low)} {y + 12}H{X(ci.High)}M{X(ci.Low)} {y + 7}V{y + 17}M{X(ci.High)} {y + 7}V{y + 17}\" stroke=\"{Ink}\" stroke-width=\"1.5\" fill=\"none\"/>");
                if (shares[i].Rate is { } point) s.Append($"<circle cx=\"{X(point)}\" cy=\"{y + 12}\" r=\"3\" fill=\"{Ink}\"/>");
            }
            s.Append($"<line x1=\"{X(paper)}\" x2=\"{X(paper)}\" y1=\"{top - 4}\" y2=\"{plotBottom}\" stroke=\"{Paper}\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>");
            s.Append($"<text x=\"{X(paper)}\" y=\"{top - 8}\" text-anchor=\"middle\" fill=\"{Paper}\">paper {FeedbackReportView.Percent(paper)}</text>");
            foreach (var tick in new[] { 0.0, 0.5, 1.0 })
                s.Append($"<text x=\"{X(tick)}\" y=\"{plotBottom + 16}\" text-anchor=\"middle\" fill=\"{Muted}\">{tick * 100:0}%</text>");
        }
    }

    /// <summary>Satisfaction (solid, circles) and precision@5 (dashed, squares) per day, with the paper's figures as reference lines.</summary>
    public static string OverTime(IReadOnlyList<FeedbackGroup> days)
    {
        const int left = 44, right = 170, top = 16, plotHeight = 180, bottom = 40;
        var plotWidth = Math.Clamp(days.Count * 60, 240, 640);
        var width = left + plotWidth + right;
        var height = top + plotHeight + bottom;
        double X(int i) => left + (days.Count == 1 ? plotWidth / 2.0 : i * plotWidth / (double)(days.Count - 1));
        double Y(double share) => top + (1 - share) * plotHeight;
        var svg = new StringBuilder();
        svg.Append($"<svg role=\"img\" aria-label=\"{HtmlEncode($"Satisfaction and precision@5 per day over {days.Count} days, with the paper's 72% and 78%; the table below gives the figures.")}\" ")
           .Append($"width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"system-ui, sans-serif\" font-size=\"12\">");
        svg.Append($"<rect x=\"{left}\" y=\"{top}\" width=\"{plotWidth}\" height=\"{plotHeight}\" fill=\"#f7fafc\" stroke=\"#cbd5e0\"/>");
        foreach (var tick in new[] { 0.0, 0.25, 0.5, 0.75, 1.0 })
            svg.Append($"<text x=\"{left - 6}\" y=\"{F(Y(tick) + 4)}\" text-anchor=\"end\" fill=\"{Muted}\">{tick * 100:0}%</text>");
        // The two reference lines are 6 points apart: one label sits below its line, the other above.
        foreach (var (name, paper, nudge) in new[] { ("satisfaction", FeedbackMetrics.PaperSatisfaction, 12), ("precision@5", FeedbackMetrics.PaperPrecisionAt5, -3) })
        {
            svg.Append($"<line x1=\"{left}\" x2=\"{left + plotWidth}\" y1=\"{F(Y(paper))}\" y2=\"{F(Y(paper))}\" stroke=\"{Paper}\" stroke-dasharray=\"4 3\"/>");
            svg.Append($"<text x=\"{left + plotWidth + 6}\" y=\"{F(Y(paper) + nudge)}\" fill=\"{Paper}\">paper {name} {FeedbackReportView.Percent(paper)}</text>");
        }
        Series(days.Select(d => d.Figures.Satisfaction.Rate).ToList(), square: false);
        Series(days.Select(d => d.Figures.PrecisionAt5.Rate).ToList(), square: true);
        for (var i = 0; i < days.Count; i++)
            svg.Append($"<text x=\"{F(X(i))}\" y=\"{top + plotHeight + 16}\" text-anchor=\"middle\" fill=\"{Muted}\">{HtmlEncode(days[i].Key[5..])}</text>");
        var legend = top + plotHeight + 34;
        svg.Append($"<circle cx=\"{left + 6}\" cy=\"{legend - 4}\" r=\"4\" fill=\"{Ink}\"/><text x=\"{left + 14}\" y=\"{legend}\" fill=\"{Ink}\">satisfaction (solid line)</text>");
        svg.Append($"<rect x=\"{left + 182}\" y=\"{legend - 8}\" width=\"8\" height=\"8\" fill=\"{Ink}\"/><text x=\"{left + 194}\" y=\"{legend}\" fill=\"{Ink}\">precision@5 (dashed line)</text>");
        return svg.Append("</svg>").ToString();

        // Satisfaction and precision differ by line style and marker shape, not by colour.
        void Series(IReadOnlyList<double?> rates, bool square)
        {
            var points = rates.Select((r, i) => (Rate: r, X: X(i))).Where(p => p.Rate is not null).Select(p => (p.X, Y: Y(p.Rate!.Value))).ToList();
            if (points.Count > 1)
                svg.Append($"<polyline points=\"{string.Join(" ", points.Select(p => $"{F(p.X)},{F(p.Y)}"))}\" fill=\"none\" stroke=\"{Ink}\" stroke-width=\"2\"{(square ? " stroke-dasharray=\"6 4\"" : "")}/>");
            foreach (var (x, y) in points)
                svg.Append(square
                    ? $"<rect x=\"{F(x - 4)}\" y=\"{F(y - 4)}\" width=\"8\" height=\"8\" fill=\"{Ink}\"/>"
                    : $"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"4\" fill=\"{Ink}\"/>");
        }
    }

    /// <summary>Long keys (community ids, model versions) are cut for the chart; the table shows them whole.</summary>
    private static string Shorten(string key) => key.Length <= 22 ? key : key[..21] + "…";

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
