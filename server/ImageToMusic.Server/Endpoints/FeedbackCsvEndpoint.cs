using ImageToMusic.Engine.Storage;
using System.Globalization;
using System.Text;
using ImageToMusic.Engine.Feedback;
using ImageToMusic.Server.Hosting;

namespace ImageToMusic.Server.Endpoints;

/// <summary>
/// GET /api/feedback.csv (key-protected): every stored vote with the model and mood it was a vote on, as RFC 4180
/// CSV, for analysis outside the dashboard. User ids appear only as the salted hashes the store keeps.
/// </summary>
public static class FeedbackCsvEndpoint
{
    public const string Path = "/" + Routes.FeedbackCsv;

    public static readonly IReadOnlyList<string> Columns =
        ["id", "recommendation_id", "track_id", "user_hash", "vote", "platform", "community", "created_at", "updated_at", "model_version", "mood"];

    public static async Task<IResult> Handle(IFeedbackStore feedback, IAnalysisStore analyses, CancellationToken cancellation)
    {
        var votes = await RatedVote.JoinAsync(await feedback.AllAsync(cancellation: cancellation), analyses, cancellation);
        return Results.File(Encoding.UTF8.GetBytes(Render(votes)), "text/csv; charset=utf-8", "feedback.csv");
    }

    public static string Render(IEnumerable<RatedVote> votes)
    {
        var csv = new StringBuilder();
        Row(csv, Columns);
        foreach (var r in votes.OrderBy(r => r.Vote.CreatedAt))
        {
            var v = r.Vote;
            Row(csv, [v.Id, v.RecommendationId, v.TrackId, v.UserHash, v.Vote.ToString().ToLowerInvariant(), v.Platform, v.Community ?? "",
                Instant(v.CreatedAt), Instant(v.UpdatedAt), r.ModelVersion, r.Mood]);
        }
        return csv.ToString();
    }

    private static string Instant(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    /// <summary>RFC 4180: fields joined by commas, lines ended by CRLF; a field holding a comma, quote or line break is quoted, quotes doubled.</summary>
    private static void Row(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Neutralised).Select(f => f.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{f.Replace("\"", "\"\"")}\"" : f));
        csv.Append("\r\n");
    }

    /// <summary>
    /// A cell a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage return) gets a leading
    /// apostrophe, as OWASP recommends for CSV exports: communities and ids come from other people and could be
    /// "=HYPERLINK(…)". The apostrophe shows; the formula does not run.
    /// </summary>
    internal static string Neutralised(string cell) => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;
}
