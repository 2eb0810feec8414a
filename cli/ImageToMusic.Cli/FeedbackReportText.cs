using ImageToMusic.Engine.Feedback;
using ImageToMusic.Server.Web;

namespace ImageToMusic.Cli;

/// <summary>The feedback report as plain text tables on stdout.</summary>
internal static class FeedbackReportText
{
    public static void Write(FeedbackReportView view)
    {
        Console.WriteLine(view.Heading);
        if (view.IsEmpty)
            Console.WriteLine("Votes arrive from the Discord and Teams bots, the web page, surveys and the feedback API; run the report again once some are stored.");
        else
            WriteFigures(view);
        WriteMoodConfusion(view.Report.MoodConfusion);
    }

    private static void WriteFigures(FeedbackReportView view)
    {
        var overall = view.Report.Overall;
        Console.WriteLine($"  {"",-14}{"share",12}  {"95% interval",-18}{"n",6}  compared with the paper");
        Console.WriteLine($"  {"satisfaction",-14}{Row(overall.Satisfaction)}  {FeedbackReportView.AgainstPaper(overall.Satisfaction, FeedbackMetrics.PaperSatisfaction)}");
        Console.WriteLine($"  {"precision@5",-14}{Row(overall.PrecisionAt5)}  {FeedbackReportView.AgainstPaper(overall.PrecisionAt5, FeedbackMetrics.PaperPrecisionAt5)}");
        foreach (var (title, groups) in view.Breakdowns)
        {
            Console.WriteLine();
            Console.WriteLine($"{title}");
            Console.WriteLine($"  {"",-20}{"satisfaction",12}  {"95% interval",-18}{"n",6}  {"precision@5",12}  {"95% interval",-18}{"n",6}");
            foreach (var group in groups)
                Console.WriteLine($"  {group.Key,-20}{Row(group.Figures.Satisfaction)}  {Row(group.Figures.PrecisionAt5)}");
        }
    }

    private static void WriteMoodConfusion(MoodConfusion confusion)
    {
        if (confusion.N == 0) return;
        Console.WriteLine();
        Console.WriteLine("Predicted mood (rows) against the mood chosen in surveys (columns); * marks agreement");
        Console.WriteLine($"  {"",-12}{string.Concat(confusion.Words.Select(w => $"{w,11}"))}");
        for (var p = 0; p < confusion.Words.Count; p++)
            Console.WriteLine($"  {confusion.Words[p],-12}{string.Concat(confusion.Counts[p].Select((n, c) => $"{(c == p ? $"*{n}" : n.ToString()),11}"))}");
        Console.WriteLine($"  {FeedbackReportView.AgreementSentence(confusion)}");
    }

    private static string Row(Proportion p) => $"{FeedbackReportView.Percent(p.Rate),12}  {FeedbackReportView.Interval(p),-18}{p.N,6}";
}
