using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Surveys;
using ImageToMusic.Server.Tests.Support;

namespace ImageToMusic.Server.Tests;

/// <summary>The survey page's endpoints on the real app: open without the key, answers stored as thumbs and mood choices.</summary>
public sealed class SurveyApiTests
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static Task<Survey> NewSurveyAsync(RunningApp app, string batch = "study-1") =>
        app.SurveyService.CreateAsync(File.ReadAllBytes(Path.Combine(TestData.Emotion6Images, "sadness/3.jpg")), "sadness/3.jpg", batch);

    [Emotion6Fact]
    public async Task A_survey_shows_its_photo_and_tracks_and_its_answers_land_as_thumbs_and_a_mood_choice()
    {
        await using var app = await RunningApp.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };
        var survey = await NewSurveyAsync(app);

        var questions = await Json(await anonymous.GetAsync($"/api/surveys/{survey.Id}"));
        var image = await anonymous.GetAsync(questions.GetProperty("image_url").GetString());
        var tracks = questions.GetProperty("tracks").EnumerateArray().Select(t => t.GetProperty("track_id").GetString()!).ToList();
        var answered = await anonymous.PostAsJsonAsync($"/api/surveys/{survey.Id}/answers", new
        {
            respondent = "browser-7", fits = new Dictionary<string, bool> { [tracks[0]] = true, [tracks[3]] = false }, mood = "sad", comment = "  too loud  ",
        });

        Assert.Equal(survey.RecommendationId, questions.GetProperty("recommendation_id").GetString());
        Assert.Equal(5, tracks.Count);
        Assert.Equal(["Happy", "Sad", "Energetic", "Calm"], questions.GetProperty("mood_words").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(survey.Preview, await image.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var result = await Json(answered);
        Assert.Equal((2, "Sad", true, "created"), (result.GetProperty("votes_stored").GetInt32(), result.GetProperty("mood").GetString(),
            result.GetProperty("comment_stored").GetBoolean(), result.GetProperty("outcome").GetString()));

        var respondent = UserIds.Hash(RunningApp.Salt, SurveyService.Platform, "browser-7");
        var votes = await app.Feedback.ForRecommendationAsync(survey.RecommendationId);
        Assert.Equal([(tracks[0], Vote.Up), (tracks[3], Vote.Down)], votes.Select(v => (v.TrackId, v.Vote)).OrderBy(v => tracks.IndexOf(v.TrackId)));
        Assert.All(votes, v => Assert.Equal(("survey", "study-1", respondent), (v.Platform, v.Community, v.UserHash)));
        var answer = Assert.Single(await app.Surveys.AnswersAsync());
        Assert.Equal((survey.Id, respondent, "Sad", "too loud"), (answer.SurveyId, answer.RespondentHash, answer.Mood, answer.Comment));
    }

    [Emotion6Fact]
    public async Task Answering_again_replaces_the_earlier_answers_and_the_dashboard_counts_the_mood_choice()
    {
        await using var app = await RunningApp.StartAsync();
        var survey = await NewSurveyAsync(app);
        var track = (await app.Analyses.FindRecommendationAsync(survey.RecommendationId))!.Tracks[1].TrackId;

        await app.Client.PostAsJsonAsync($"/api/surveys/{survey.Id}/answers", new { respondent = "r1", fits = new Dictionary<string, bool> { [track] = true }, mood = "Calm" });
        var again = await Json(await app.Client.PostAsJsonAsync($"/api/surveys/{survey.Id}/answers",
            new { respondent = "r1", fits = new Dictionary<string, bool> { [track] = false }, mood = "Sad" }));
        var same = await Json(await app.Client.PostAsJsonAsync($"/api/surveys/{survey.Id}/answers",
            new { respondent = "r1", fits = new Dictionary<string, bool>(), mood = "Sad" }));
        var dashboard = await app.Client.GetStringAsync("/dashboard");

        Assert.Equal("changed", again.GetProperty("outcome").GetString());
        Assert.Equal("unchanged", same.GetProperty("outcome").GetString());
        Assert.Equal(Vote.Down, Assert.Single(await app.Feedback.ForRecommendationAsync(survey.RecommendationId)).Vote);
        Assert.Equal("Sad", Assert.Single(await app.Surveys.AnswersAsync()).Mood);
        var predicted = (await app.SurveyService.FindAsync(survey.Id))!.PredictedMood;
        Assert.Contains($"Respondents chose the predicted mood in {(predicted == "Sad" ? 1 : 0)} of 1 answers", dashboard);
    }

    public static TheoryData<string, string> BadAnswers => new()
    {
        { """{"fits":{},"mood":"Sad"}""", "respondent" },
        { """{"respondent":"r","fits":{"sp-not-shown":true}}""", "fits" },
        { """{"respondent":"r","mood":"Melancholy"}""", "mood" },
        { """{"respondent":"r","fits":{"x":"yes"}}""", "not valid" },
        { """{"respondent":"r",""", "not valid" },
    };

    [Emotion6Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task Bad_answers_are_refused_naming_what_is_wrong_and_store_nothing(string body, string named)
    {
        await using var app = await RunningApp.StartAsync();
        var survey = await NewSurveyAsync(app);

        var response = await app.Client.PostAsync($"/api/surveys/{survey.Id}/answers", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, (await Json(response)).GetProperty("detail").GetString());
        Assert.Empty(await app.Feedback.AllAsync());
        Assert.Empty(await app.Surveys.AnswersAsync());
    }

    [Fact]
    public async Task An_unknown_survey_is_404_on_every_endpoint()
    {
        await using var app = await RunningApp.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/surveys/sv-0000")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/surveys/sv-0000/image")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsJsonAsync("/api/surveys/sv-0000/answers", new { respondent = "r" })).StatusCode);
    }
}
