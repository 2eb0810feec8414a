using ImageToMusic.Engine.Feedback;
using ImageToMusic.Server.Tests.Support;
using ImageToMusic.Web.Tests.Support;
using Microsoft.Playwright;

namespace ImageToMusic.Web.Tests;

/// <summary>A respondent fills a survey in the browser; the answers reach the stores and the dashboard's mood matrix.</summary>
public sealed class SurveyPageTests
{
    [Emotion6Fact]
    public async Task Filling_a_survey_stores_the_thumbs_the_mood_and_the_comment_and_the_dashboard_shows_the_mood_matrix()
    {
        await using var app = await RunningApp.StartAsync();
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        var page = browser.Page;
        var survey = await app.SurveyService.CreateAsync(File.ReadAllBytes(Path.Combine(TestData.Emotion6Images, "surprise", "5.jpg")), "surprise/5.jpg", "pilot");

        await page.GotoAsync($"/survey/{survey.Id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "The photo this survey is about" })).ToBeVisibleAsync();
        Assert.True(await page.EvalOnSelectorAsync<bool>("#photo", "img => img.complete && img.naturalWidth > 0"), "the survey photo did not load");
        var tracks = page.Locator("#tracks > li");
        await Assertions.Expect(tracks).ToHaveCountAsync(5);
        await page.GetByRole(AriaRole.Radio, new() { Name = "Calm", Exact = true }).CheckAsync();
        await tracks.Nth(0).GetByRole(AriaRole.Radio, new() { Name = "👍 fits" }).CheckAsync();
        await tracks.Nth(2).GetByRole(AriaRole.Radio, new() { Name = "👎 doesn't fit" }).CheckAsync();
        await page.GetByLabel("Anything else? (optional)").FillAsync("The second one is perfect.");
        await browser.ScreenshotAsync("survey-filled");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Thank you: 2 answers about the songs, and the mood Calm were saved.")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("survey-sent");
        var respondent = await page.EvaluateAsync<string>("localStorage.getItem('imagetomusic-user')");
        var answer = Assert.Single(await app.Surveys.AnswersAsync());
        Assert.Equal((UserIds.Hash(RunningApp.Salt, "survey", respondent), "Calm", "The second one is perfect."), (answer.RespondentHash, answer.Mood, answer.Comment));
        var shown = (await app.Analyses.FindRecommendationAsync(survey.RecommendationId))!.Tracks;
        Assert.Equal([(shown[0].TrackId, Vote.Up), (shown[2].TrackId, Vote.Down)],
            (await app.Feedback.ForRecommendationAsync(survey.RecommendationId)).Select(v => (v.TrackId, v.Vote)).OrderBy(v => v.TrackId == shown[0].TrackId ? 0 : 1));

        await page.GotoAsync($"/dashboard?code={RunningApp.ApiKey}");
        var matrix = page.GetByRole(AriaRole.Table, new() { Name = "Predicted mood (rows) against the mood chosen (columns)" });
        var predicted = (await app.SurveyService.FindAsync(survey.Id))!.PredictedMood;
        // Columns: Happy, Sad, Energetic, Calm; the one answer chose Calm for a photo predicted as `predicted`.
        await Assertions.Expect(matrix.GetByRole(AriaRole.Row, new() { Name = predicted }).Locator("td").Nth(3)).ToContainTextAsync("1");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "By platform" }).GetByRole(AriaRole.Rowheader, new() { Name = "survey" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync("dashboard-after-survey");
        browser.AssertPagesRanCleanly();
    }

    [Fact]
    public async Task A_link_to_no_survey_says_so_instead_of_showing_an_empty_form()
    {
        await using var app = await RunningApp.StartAsync();
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);

        await browser.Page.GotoAsync("/survey/sv-does-not-exist");

        await Assertions.Expect(browser.Page.GetByText("This survey cannot be shown: No survey with id 'sv-does-not-exist'; check the link.")).ToBeVisibleAsync();
        await Assertions.Expect(browser.Page.Locator("#survey")).ToBeHiddenAsync();
        await browser.ScreenshotAsync("survey-unknown");
    }
}
