using ImageToMusic.Engine.Feedback;
using ImageToMusic.Server.Hosting;

namespace ImageToMusic.Server.Endpoints;

/// <summary>
/// POST /api/web/feedback (anonymous, for the home page): a 👍/👎 on one track. The platform is always "web" and
/// the user is the opaque id the page keeps in localStorage, stored only as a salted hash like every other user id.
/// </summary>
public static class WebFeedbackEndpoint
{
    public sealed record WebFeedbackRequest(string? RecommendationId, string? TrackId, string? Vote, string? User);

    public static async Task<IResult> Handle(HttpRequest request, FeedbackService votes, CancellationToken cancellation)
    {
        var body = await RequestJson.ReadAsync<WebFeedbackRequest>(request, cancellation);
        if (body.RecommendationId is null) throw ApiProblem.BadRequest("recommendation_id is required.");
        return await FeedbackEndpoint.RecordAsync(
            new FeedbackEndpoint.FeedbackRequest(body.RecommendationId, null, body.TrackId, body.Vote, "web", null, body.User), votes, cancellation);
    }
}
