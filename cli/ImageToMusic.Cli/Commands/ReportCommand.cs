using System.CommandLine;
using System.Globalization;
using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Storage.Sqlite;
using ImageToMusic.Server.Web;

namespace ImageToMusic.Cli.Commands;

/// <summary>`report`: the dashboard's figures from the thumbs in a store, offline, as text, JSON or one HTML file.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var since = new Option<string?>("--since") { Description = "Only votes cast at or after this date or instant (ISO 8601; a date alone is midnight UTC)." };
        var json = CommonOptions.Json();
        var html = new Option<FileInfo?>("--html") { Description = "Write a self-contained HTML report (no external resources) to this file and print its path." };
        var store = CommonOptions.Store();
        var command = new Command("report",
            "Satisfaction (share of thumbs up) and precision@5 (share of rated suggestions rated up), with 95% Wilson intervals, " +
            "overall and by platform, community, mood, model version and day, beside the paper's 72% and 78%.")
            { since, json, html, store };
        command.SetAction((result, cancellation) => Failures.Guard(async () =>
        {
            if (result.GetValue(json) && result.GetValue(html) is not null) throw new ArgumentException("Give either --json or --html, not both.");
            var from = ParseSince(result.GetValue(since));
            var database = SqliteDatabase.Open(StoreLocation.Resolve(result.GetValue(store)));
            var report = new FeedbackReportView(database.Path, from,
                await FeedbackReports.FromStoresAsync(new SqliteFeedbackStore(database), new SqliteAnalysisStore(database), new SqliteSurveyStore(database), from, cancellation));
            if (result.GetValue(html) is { } file)
            {
                File.WriteAllText(file.FullName, FeedbackReportHtml.Render(report));
                Console.WriteLine(file.FullName);
            }
            else if (result.GetValue(json)) Output.WriteJson(report.ToJson());
            else FeedbackReportText.Write(report);
            return 0;
        }));
        return command;
    }

    private static DateTimeOffset? ParseSince(string? text) =>
        text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since) ? since
        : throw new ArgumentException($"--since '{text}' is not a date (use ISO 8601, for example 2025-06-01 or 2025-06-01T12:00:00Z).");
}
