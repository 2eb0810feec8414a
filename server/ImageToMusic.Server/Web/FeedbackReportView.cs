using System.Globalization;
using ImageToMusic.Engine.Feedback;

namespace ImageToMusic.Server.Web;

/// <summary>A computed feedback report with what it was computed from, and the wording every output format shares.</summary>
public sealed record FeedbackReportView(string Store, DateTimeOffset? Since, FeedbackReport Report)
{
    public const string NoFeedback = "no feedback yet";

    public bool IsEmpty => Report.Overall.Satisfaction.N == 0;

    public IEnumerable<(string Title, IReadOnlyList<FeedbackGroup> Groups)> Breakdowns =>
    [
        ("By platform", Report.ByPlatform),
        ("By community", Report.ByCommunity),
        ("By mood of the photo", Report.ByMood),
        ("By model version", Report.ByModelVersion),
        ("By day (UTC)", Report.ByDay),
    ];

    public string Heading =>
        $"Feedback in {Store}{(Since is { } since ? $" since {since.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC" : "")}: " +
        (IsEmpty ? $"{NoFeedback} (n = 0)." : $"{Report.Overall.Satisfaction.N} votes on {Report.Overall.PrecisionAt5.N} suggestions.");

    public static string Percent(double? rate) => rate is { } r ? (100 * r).ToString("F1", CultureInfo.InvariantCulture) + "%" : "–";

    public static string Interval(Proportion p) => p.Interval is { } i ? $"[{Percent(i.Low)}, {Percent(i.High)}]" : "–";

    /// <summary>Where the paper's figure lies against our interval: the honest comparison, as a point estimate alone would overstate it.</summary>
    public static string AgainstPaper(Proportion p, double paper) => p.Interval switch
    {
        null => $"paper {Percent(paper)}: no data to compare",
        { } i when paper < i.Low => $"paper {Percent(paper)}: we are above it",
        { } i when paper > i.High => $"paper {Percent(paper)}: we are below it",
        _ => $"paper {Percent(paper)}: within our interval",
    };

    public object ToJson() => new
    {
        store = Store,
        since = Since,
        message = IsEmpty ? NoFeedback : null,
        paper = new { satisfaction = FeedbackMetrics.PaperSatisfaction, precision_at_5 = FeedbackMetrics.PaperPrecisionAt5 },
        overall = Figures(Report.Overall),
        by_platform = Groups(Report.ByPlatform),
        by_community = Groups(Report.ByCommunity),
        by_mood = Groups(Report.ByMood),
        by_model_version = Groups(Report.ByModelVersion),
        by_day = Groups(Report.ByDay),
        mood_confusion = Confusion(Report.MoodConfusion),
    };

    public static string AgreementSentence(MoodConfusion confusion) =>
        $"Respondents chose the predicted mood in {confusion.Agreement.Successes} of {confusion.N} answers ({Percent(confusion.Agreement.Rate)}, " +
        $"95% interval {Interval(confusion.Agreement)}); chance with four moods is 25%.";

    private static object Confusion(MoodConfusion c) => new { words = c.Words, counts = c.Counts, n = c.N, agreement = Share(c.Agreement) };

    private static object Figures(FeedbackFigures f) => new { satisfaction = Share(f.Satisfaction), precision_at_5 = Share(f.PrecisionAt5) };

    private static object Share(Proportion p) => new
    {
        successes = p.Successes,
        n = p.N,
        rate = p.Rate,
        interval_95 = p.Interval is { } i ? new { low = i.Low, high = i.High } : null,
    };

    private static IEnumerable<object> Groups(IReadOnlyList<FeedbackGroup> groups) =>
        groups.Select(g => new { key = g.Key, satisfaction = Share(g.Figures.Satisfaction), precision_at_5 = Share(g.Figures.PrecisionAt5) });
}
