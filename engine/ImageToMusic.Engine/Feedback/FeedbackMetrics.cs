using System.Globalization;

namespace ImageToMusic.Engine.Feedback;

/// <summary>Satisfaction and precision@5 for one set of votes.</summary>
/// <param name="Satisfaction">Share of votes that are thumbs up; one vote per user × suggestion, the latest.</param>
/// <param name="PrecisionAt5">
/// Share of rated suggestions rated up. A suggestion is one track in one recommendation (the five shown); it
/// is rated when anyone voted on it, and rated up when its up votes outnumber its down votes (a tie is not up).
/// </param>
public sealed record FeedbackFigures(Proportion Satisfaction, Proportion PrecisionAt5);

/// <summary>The figures for one value of a breakdown (a platform, a day…), computed from that group's votes only.</summary>
public sealed record FeedbackGroup(string Key, FeedbackFigures Figures);

public sealed record FeedbackReport(
    FeedbackFigures Overall,
    IReadOnlyList<FeedbackGroup> ByPlatform,
    IReadOnlyList<FeedbackGroup> ByCommunity,
    IReadOnlyList<FeedbackGroup> ByMood,
    IReadOnlyList<FeedbackGroup> ByModelVersion,
    IReadOnlyList<FeedbackGroup> ByDay,
    MoodConfusion MoodConfusion);

/// <summary>
/// The evaluation figures from thumbs, as the paper reports them (72% satisfaction, 78% precision@5), each
/// with a 95% Wilson interval, overall and broken down. A suggestion's precision in a breakdown uses only the
/// votes in that group, so a track voted up on Discord and down on Teams counts as up for Discord and down for Teams.
/// </summary>
public static class FeedbackMetrics
{
    public const double PaperSatisfaction = 0.72;
    public const double PaperPrecisionAt5 = 0.78;

    /// <summary>What the community breakdown shows for votes made outside any community (the web page, the CLI).</summary>
    public const string NoCommunity = "(none)";

    /// <param name="moodChoices">The photo's predicted mood and the mood a survey respondent chose for it, per answer.</param>
    public static FeedbackReport Compute(IEnumerable<RatedVote> votes, IEnumerable<(string Predicted, string Chosen)>? moodChoices = null)
    {
        var latest = LatestPerUser(votes);
        return new FeedbackReport(
            Figures(latest),
            Breakdown(latest, v => v.Vote.Platform),
            Breakdown(latest, v => v.Vote.Community ?? NoCommunity),
            Breakdown(latest, v => v.Mood),
            Breakdown(latest, v => v.ModelVersion),
            // Days in UTC, the day the vote took its current value.
            Breakdown(latest, v => v.Vote.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            MoodConfusion.Compute(moodChoices ?? []));
    }

    public static FeedbackFigures Figures(IReadOnlyCollection<RatedVote> votes)
    {
        var suggestions = votes.GroupBy(v => (v.Vote.RecommendationId, v.Vote.TrackId))
            .Select(s => s.Count(v => v.Vote.Vote == Vote.Up) > s.Count(v => v.Vote.Vote == Vote.Down))
            .ToList();
        return new FeedbackFigures(
            Proportion.Of(votes.Count(v => v.Vote.Vote == Vote.Up), votes.Count),
            Proportion.Of(suggestions.Count(up => up), suggestions.Count));
    }

    private static List<FeedbackGroup> Breakdown(IReadOnlyCollection<RatedVote> votes, Func<RatedVote, string> key) =>
        votes.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new FeedbackGroup(g.Key, Figures(g.ToList()))).ToList();

    /// <summary>
    /// The stores already keep one vote per user × suggestion; this makes the figures right for any list given,
    /// keeping the most recently changed.
    /// </summary>
    private static List<RatedVote> LatestPerUser(IEnumerable<RatedVote> votes) =>
        votes.GroupBy(v => v.Vote.Id).Select(g => g.MaxBy(v => v.Vote.UpdatedAt)!).ToList();
}
