using ImageToMusic.Engine;
using ImageToMusic.Engine.Feedback;
using ImageToMusic.Server.Hosting;

namespace ImageToMusic.Server.Endpoints;

/// <summary>POST /api/feedback: a thumbs up or down on one suggested track.</summary>
public static class FeedbackEndpoint
{
    /// <param name="RecommendationId">The list the track was shown in; or give <see cref="AnalysisId"/> for the analysis' latest list.</param>
    /// <param name="User">The voter's id on the platform; stored only as a salted hash.</param>
    public sealed record FeedbackRequest(string? RecommendationId, string? AnalysisId, string? TrackId, string? Vote, string? Platform, string? Community, string? User);

    public sealed record FeedbackResponse(string Id, string Outcome, string RecommendationId, string TrackId, string Vote);

    public static readonly IReadOnlySet<string> Platforms = new HashSet<string> { "api", "web", "discord", "teams", "survey" };

    public static async Task<IResult> Handle(HttpRequest request, FeedbackService votes, CancellationToken cancellation) =>
        await RecordAsync(await RequestJson.ReadAsync<FeedbackRequest>(request, cancellation), votes, cancellation);

    /// <summary>Checks the request and stores its vote; both HTTP doors that take thumbs come through here.</summary>
    public static async Task<IResult> RecordAsync(FeedbackRequest body, FeedbackService votes, CancellationToken cancellation)
    {
        var vote = body.Vote?.ToLowerInvariant() switch
        {
            "up" => Vote.Up,
            "down" => Vote.Down,
            _ => throw ApiProblem.BadRequest($"vote must be \"up\" or \"down\" (got {(body.Vote is null ? "nothing" : $"\"{body.Vote}\"")})."),
        };
        var platform = body.Platform?.ToLowerInvariant() ?? "api";
        if (!Platforms.Contains(platform)) throw ApiProblem.BadRequest($"platform must be one of {string.Join(", ", Platforms.Order())}.");
        if (string.IsNullOrWhiteSpace(body.User)) throw ApiProblem.BadRequest("user is required (the voter's id on the platform; it is stored only as a salted hash).");
        if (string.IsNullOrWhiteSpace(body.TrackId)) throw ApiProblem.BadRequest("track_id is required.");

        if (body.RecommendationId is null && body.AnalysisId is null) throw ApiProblem.BadRequest("Give recommendation_id (or analysis_id).");
        var recommendation = await votes.FindRecommendationAsync(body.RecommendationId, body.AnalysisId, cancellation)
                             ?? throw ApiProblem.NotFound(body.RecommendationId is { } id ? $"No recommendation with id '{id}'." : $"No recommendation for analysis '{body.AnalysisId}'.");

        RecordedVote recorded;
        try
        {
            recorded = await votes.RecordAsync(recommendation, body.TrackId, vote, platform, body.User, body.Community, cancellation);
        }
        catch (ArgumentException e)
        {
            throw ApiProblem.BadRequest(e.Reason());
        }
        var (record, outcome) = (recorded.Vote, recorded.Outcome);
        var response = new FeedbackResponse(record.Id, outcome.ToString().ToLowerInvariant(), recommendation.Id, body.TrackId, vote.ToString().ToLowerInvariant());
        return outcome == FeedbackOutcome.Created ? Results.Created($"/api/feedback/{record.Id}", response) : Results.Ok(response);
    }
}
