namespace ImageToMusic.Engine.Feedback;

public enum Vote { Up, Down }

/// <summary>
/// One person's thumbs up or down on one suggested track. There is at most one per user × recommendation
/// × track (<see cref="Id"/>): voting again replaces the vote.
/// </summary>
/// <param name="UserHash">The voter as a salted hash (<see cref="UserIds"/>); raw platform ids are never stored.</param>
/// <param name="Platform">Where the vote came from: discord, teams, api, web, survey.</param>
/// <param name="Community">The Discord guild, Teams team or API client, when there is one.</param>
public sealed record FeedbackVote(
    string RecommendationId,
    string TrackId,
    string UserHash,
    Vote Vote,
    string Platform,
    string? Community,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public string Id => FeedbackIds.Of(RecommendationId, TrackId, UserHash);
}

/// <summary>What storing a vote did.</summary>
public enum FeedbackOutcome { Created, Changed, Unchanged }

public static class FeedbackIds
{
    /// <summary>"fb-" + a hash of the three parts that make a vote unique.</summary>
    public static string Of(string recommendationId, string trackId, string userHash) =>
        "fb-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{recommendationId}\n{trackId}\n{userHash}")))[..32];
}
