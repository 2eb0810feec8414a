using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ImageToMusic.Server.Tests.Support;

namespace ImageToMusic.Server.Tests;

/// <summary>An API client's thumbs (POST /api/feedback with its community) change the soundtracks it is given, and only its own.</summary>
public sealed class CommunityPersonalisationTests
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<JsonElement> Story(RunningApp app, string blob, string community)
    {
        var response = await app.Client.PostAsJsonAsync("/api/story/soundtrack", new
        {
            images = new[] { new { blob } }, mode = "whole", target_duration_seconds = 1500, community,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Json(response);
    }

    private static List<(string Id, double Energy)> Tracks(JsonElement story) =>
        [.. story.GetProperty("tracks").EnumerateArray().Select(t => (t.GetProperty("id").GetString()!, t.GetProperty("energy").GetDouble()))];

    [Emotion6Fact]
    public async Task A_community_that_turns_down_energetic_tracks_is_given_calmer_ones_and_another_community_is_not()
    {
        await using var app = await RunningApp.StartAsync();
        var photos = new[] { "joy/2.jpg", "anger/3.jpg", "fear/5.jpg", "surprise/4.jpg", "sadness/6.jpg" };
        foreach (var photo in photos) await app.PutAsync(photo.Replace('/', '-'), File.ReadAllBytes(Path.Combine(TestData.Emotion6Images, photo)));
        var probe = photos[1].Replace('/', '-');
        var before = Tracks(await Story(app, probe, "client-a"));

        // Three people of client-a rate every track of a soundtrack for each photo: up when calm, down when energetic.
        var votes = 0;
        foreach (var photo in photos)
        {
            var story = await Story(app, photo.Replace('/', '-'), "client-a");
            foreach (var (id, energy) in Tracks(story))
                foreach (var user in new[] { "ann", "bo", "cy" })
                {
                    var vote = await app.Client.PostAsJsonAsync("/api/feedback", new
                    {
                        recommendation_id = story.GetProperty("recommendation_id").GetString(), track_id = id, vote = energy < 0.6 ? "up" : "down",
                        user, community = "client-a",
                    });
                    Assert.True(vote.IsSuccessStatusCode, await vote.Content.ReadAsStringAsync());
                    votes++;
                }
        }

        var mine = await Story(app, probe, "client-a");
        var theirs = Tracks(await Story(app, probe, "client-b"));

        Assert.Equal(before, theirs); // client-b never voted: the global soundtrack, exactly
        Assert.NotEqual(theirs.Select(t => t.Id), Tracks(mine).Select(t => t.Id));
        Assert.True(Tracks(mine).Average(t => t.Energy) < theirs.Average(t => t.Energy),
            $"personalised mean energy {Tracks(mine).Average(t => t.Energy):F3} vs global {theirs.Average(t => t.Energy):F3} after {votes} votes");
        var stored = (await app.Analyses.FindRecommendationAsync(mine.GetProperty("recommendation_id").GetString()!))!;
        Assert.Contains($"personalised-from={votes}-votes", stored.Options);
    }
}
