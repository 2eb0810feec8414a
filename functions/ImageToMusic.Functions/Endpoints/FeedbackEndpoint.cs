using ImageToMusic.Engine.Feedback;
using ImageToMusic.Functions.Hosting;

namespace ImageToMusic.Functions.Endpoints;

/// <summary>POST /api/feedback: a thumbs up or down on one suggested track.</summary>
public static class FeedbackEndpoint
{
    /// <param name="RecommendationId">The list the track was shown in; or give <see cref="AnalysisId"/> for the analysis' latest list.</param>
    /// <param name="User">The voter's id on the platform; stored only as a salted hash.</param>
    public sealed record FeedbackRequest(string? RecommendationId, string? AnalysisId, string? TrackId, string? Vote, string? Platform, string? Community, string? User);

    public sealed record FeedbackResponse(string Id, string Outcome, string RecommendationId, string TrackId, string Vote);

    public static readonly IReadOnlySet<string> Platforms = new HashSet<string> { "api", "web", "discord", "teams", "survey" };

    public static async Task<IResult> Handle(HttpRequest request, Backend backend, TimeProvider clock, CancellationToken cancellation) =>
        Record(await RequestJson.ReadAsync<FeedbackRequest>(request, cancellation), backend, clock);

    /// <summary>Checks and stores one vote; every door that takes thumbs over HTTP comes through here.</summary>
    public static IResult Record(FeedbackRequest body, Backend backend, TimeProvider clock)
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

        var recommendation = (body.RecommendationId, body.AnalysisId) switch
        {
            ({ } id, _) => backend.Analyses.FindRecommendation(id) ?? throw ApiProblem.NotFound($"No recommendation with id '{id}'."),
            (null, { } id) => backend.Analyses.RecommendationsFor(id).LastOrDefault() ?? throw ApiProblem.NotFound($"No recommendation for analysis '{id}'."),
            _ => throw ApiProblem.BadRequest("Give recommendation_id (or analysis_id)."),
        };
        if (recommendation.Tracks.All(t => t.TrackId != body.TrackId))
            throw ApiProblem.BadRequest($"Track '{body.TrackId}' was not suggested in recommendation {recommendation.Id}.");

        var now = clock.GetUtcNow();
        var record = new FeedbackVote(recommendation.Id, body.TrackId, UserIds.Hash(backend.UserSalt, platform, body.User), vote, platform, body.Community, now, now);
        var outcome = backend.Feedback.Record(record);
        var response = new FeedbackResponse(record.Id, outcome.ToString().ToLowerInvariant(), recommendation.Id, body.TrackId, vote.ToString().ToLowerInvariant());
        return outcome == FeedbackOutcome.Created ? Results.Created($"/api/feedback/{record.Id}", response) : Results.Ok(response);
    }
}
