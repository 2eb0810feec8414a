using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ImageToMusic.Server.Tests.Support;

namespace ImageToMusic.Server.Tests;

/// <summary>POST /api/feedback against a recommendation the app really made.</summary>
public sealed class FeedbackApiTests : AppWithARecommendation
{
    private Task<HttpResponseMessage> Vote(string vote, string user = "alice", string? track = null) =>
        App.Client.PostAsJsonAsync("/api/feedback", new
        {
            recommendation_id = Recommendation.Id, track_id = track ?? Recommendation.Tracks[0].TrackId, vote, platform = "discord", community = "guild-1", user,
        });

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Emotion6Fact]
    public async Task A_vote_is_created_changed_and_repeated_without_duplicates()
    {
        var created = await Vote("up");
        var changed = await Vote("down");
        var repeated = await Vote("down");
        var other = await Vote("up", user: "bob");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("created", (await Json(created)).GetProperty("outcome").GetString());
        Assert.Equal("changed", (await Json(changed)).GetProperty("outcome").GetString());
        Assert.Equal("unchanged", (await Json(repeated)).GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        var votes = await App.Feedback.ForRecommendationAsync(Recommendation.Id);
        Assert.Equal(2, votes.Count);
        Assert.Contains(votes, v => v.Vote == Engine.Feedback.Vote.Down && v.Platform == "discord" && v.Community == "guild-1");
        Assert.All(votes, v => Assert.DoesNotContain("alice", v.UserHash));
    }

    [Emotion6Fact]
    public async Task Analysis_id_finds_the_latest_recommendation()
    {
        var response = await App.Client.PostAsJsonAsync("/api/feedback", new
        {
            analysis_id = Recommendation.AnalysisId, track_id = Recommendation.Tracks[1].TrackId, vote = "up", platform = "web", user = "carol",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(Recommendation.Id, (await Json(response)).GetProperty("recommendation_id").GetString());
    }

    [Emotion6Theory]
    [InlineData("""{"recommendation_id":"REC","track_id":"TRACK","vote":"sideways","user":"u"}""", "vote must be")]
    [InlineData("""{"recommendation_id":"REC","track_id":"TRACK","vote":"up"}""", "user is required")]
    [InlineData("""{"recommendation_id":"REC","track_id":"not-suggested","vote":"up","user":"u"}""", "was not suggested")]
    [InlineData("""{"recommendation_id":"REC","track_id":"TRACK","vote":"up","user":"u","platform":"myspace"}""", "platform must be one of")]
    [InlineData("""{"recommendation_id":"REC","track_id":"TRACK","vote":"up","user":"u","colour":"red"}""", "colour")]
    [InlineData("""{"recommendation_id":"REC","track_id":"TRACK",""", "not valid")]
    [InlineData("""[1, 2]""", "not valid")]
    public async Task Malformed_feedback_is_a_400_saying_what_is_wrong(string body, string expected)
    {
        var json = body.Replace("REC", Recommendation.Id).Replace("TRACK", Recommendation.Tracks[0].TrackId);

        var response = await App.Client.PostAsync("/api/feedback", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await Json(response)).GetProperty("detail").GetString());
        Assert.Empty(await App.Feedback.ForRecommendationAsync(Recommendation.Id));
    }

    [Emotion6Fact]
    public async Task An_unknown_recommendation_is_404_and_a_non_json_body_is_415()
    {
        var unknown = await App.Client.PostAsJsonAsync("/api/feedback", new { recommendation_id = "rec-nope", track_id = "t", vote = "up", user = "u" });
        var text = await App.Client.PostAsync("/api/feedback", new StringContent("vote=up", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
    }
}
