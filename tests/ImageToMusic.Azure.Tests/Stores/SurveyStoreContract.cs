using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Surveys;

namespace ImageToMusic.Azure.Tests.Stores;

/// <summary>What every <see cref="ISurveyStore"/> must do; each implementation runs these against a fresh, empty store.</summary>
public abstract class SurveyStoreContract
{
    private static readonly DateTimeOffset Noon = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    protected abstract Task<ISurveyStore> NewStoreAsync();

    private static Survey NewSurvey(string? batch = "study") => new(Survey.NewId(), "an-1", "rec-1", batch, Noon, [0xFF, 0xD8, 1, 2, 3, 0xFF, 0xD9]);

    private static SurveyAnswer Answer(string surveyId, string respondent, string? mood, DateTimeOffset at, string? comment = null) =>
        new(surveyId, respondent, mood, comment, at, at);

    [Fact]
    public async Task A_survey_comes_back_as_created_with_its_preview_and_an_unknown_id_is_null()
    {
        var store = await NewStoreAsync();
        var survey = NewSurvey();
        var unbatched = NewSurvey(batch: null);
        await store.CreateAsync(survey);
        await store.CreateAsync(unbatched);

        var found = (await store.FindAsync(survey.Id))!;
        Assert.Equal((survey.Id, survey.AnalysisId, survey.RecommendationId, survey.Batch, survey.CreatedAt), (found.Id, found.AnalysisId, found.RecommendationId, found.Batch, found.CreatedAt));
        Assert.Equal(survey.Preview, found.Preview);
        Assert.Null((await store.FindAsync(unbatched.Id))!.Batch);
        Assert.Null(await store.FindAsync("sv-unknown"));
    }

    [Fact]
    public async Task An_answer_is_created_a_different_one_replaces_it_keeping_when_it_was_first_given_and_the_same_one_writes_nothing()
    {
        var store = await NewStoreAsync();
        var survey = NewSurvey();
        await store.CreateAsync(survey);

        Assert.Equal(FeedbackOutcome.Created, await store.RecordAsync(Answer(survey.Id, "u-1", "Sad", Noon)));
        Assert.Equal(FeedbackOutcome.Changed, await store.RecordAsync(Answer(survey.Id, "u-1", "Calm", Noon.AddMinutes(5), "gentle")));
        Assert.Equal(FeedbackOutcome.Unchanged, await store.RecordAsync(Answer(survey.Id, "u-1", "Calm", Noon.AddHours(1), "gentle")));

        var stored = Assert.Single(await store.AnswersAsync());
        Assert.Equal(new SurveyAnswer(survey.Id, "u-1", "Calm", "gentle", Noon, Noon.AddMinutes(5)), stored);
    }

    [Fact]
    public async Task Answers_since_an_instant_are_those_given_or_changed_from_then_on_oldest_first()
    {
        var store = await NewStoreAsync();
        var survey = NewSurvey();
        await store.CreateAsync(survey);
        await store.RecordAsync(Answer(survey.Id, "u-late", null, Noon.AddHours(2)));
        await store.RecordAsync(Answer(survey.Id, "u-early", "Happy", Noon));
        await store.RecordAsync(Answer(survey.Id, "u-mid", "Sad", Noon.AddHours(1)));

        Assert.Equal(["u-early", "u-mid", "u-late"], (await store.AnswersAsync()).Select(a => a.RespondentHash));
        Assert.Equal(["u-mid", "u-late"], (await store.AnswersAsync(Noon.AddHours(1))).Select(a => a.RespondentHash));
        Assert.Empty(await store.AnswersAsync(Noon.AddHours(3)));
    }

    [Fact]
    public async Task Erasing_a_respondent_deletes_their_answers_in_every_survey_and_nobody_elses()
    {
        var store = await NewStoreAsync();
        var (first, second) = (NewSurvey(), NewSurvey());
        await store.CreateAsync(first);
        await store.CreateAsync(second);
        await store.RecordAsync(Answer(first.Id, "u-gone", "Sad", Noon));
        await store.RecordAsync(Answer(second.Id, "u-gone", "Calm", Noon));
        await store.RecordAsync(Answer(first.Id, "u-stays", "Happy", Noon));

        Assert.Equal(2, await store.EraseRespondentAsync("u-gone"));
        Assert.Equal(0, await store.EraseRespondentAsync("u-gone"));
        Assert.Equal("u-stays", Assert.Single(await store.AnswersAsync()).RespondentHash);
        Assert.NotNull(await store.FindAsync(first.Id));
    }
}
