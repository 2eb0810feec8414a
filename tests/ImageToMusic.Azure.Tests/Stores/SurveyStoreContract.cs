using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Surveys;

namespace ImageToMusic.Azure.Tests.Stores;

/// <summary>What every <see cref="ISurveyStore"/> must do; each implementation runs these against a fresh, empty store.</summary>
public abstract class SurveyStoreContract
{
    private static readonly DateTimeOffset Noon = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    protected abstract ISurveyStore NewStore();

    private static Survey NewSurvey(string? batch = "study") => new(Survey.NewId(), "an-1", "rec-1", batch, Noon, [0xFF, 0xD8, 1, 2, 3, 0xFF, 0xD9]);

    private static SurveyAnswer Answer(string surveyId, string respondent, string? mood, DateTimeOffset at, string? comment = null) =>
        new(surveyId, respondent, mood, comment, at, at);

    [Fact]
    public void A_survey_comes_back_as_created_with_its_preview_and_an_unknown_id_is_null()
    {
        var store = NewStore();
        var survey = NewSurvey();
        var unbatched = NewSurvey(batch: null);
        store.Create(survey);
        store.Create(unbatched);

        var found = store.Find(survey.Id)!;
        Assert.Equal((survey.Id, survey.AnalysisId, survey.RecommendationId, survey.Batch, survey.CreatedAt), (found.Id, found.AnalysisId, found.RecommendationId, found.Batch, found.CreatedAt));
        Assert.Equal(survey.Preview, found.Preview);
        Assert.Null(store.Find(unbatched.Id)!.Batch);
        Assert.Null(store.Find("sv-unknown"));
    }

    [Fact]
    public void An_answer_is_created_a_different_one_replaces_it_keeping_when_it_was_first_given_and_the_same_one_writes_nothing()
    {
        var store = NewStore();
        var survey = NewSurvey();
        store.Create(survey);

        Assert.Equal(FeedbackOutcome.Created, store.Record(Answer(survey.Id, "u-1", "Sad", Noon)));
        Assert.Equal(FeedbackOutcome.Changed, store.Record(Answer(survey.Id, "u-1", "Calm", Noon.AddMinutes(5), "gentle")));
        Assert.Equal(FeedbackOutcome.Unchanged, store.Record(Answer(survey.Id, "u-1", "Calm", Noon.AddHours(1), "gentle")));

        var stored = Assert.Single(store.Answers());
        Assert.Equal(new SurveyAnswer(survey.Id, "u-1", "Calm", "gentle", Noon, Noon.AddMinutes(5)), stored);
    }

    [Fact]
    public void Answers_since_an_instant_are_those_given_or_changed_from_then_on_oldest_first()
    {
        var store = NewStore();
        var survey = NewSurvey();
        store.Create(survey);
        store.Record(Answer(survey.Id, "u-late", null, Noon.AddHours(2)));
        store.Record(Answer(survey.Id, "u-early", "Happy", Noon));
        store.Record(Answer(survey.Id, "u-mid", "Sad", Noon.AddHours(1)));

        Assert.Equal(["u-early", "u-mid", "u-late"], store.Answers().Select(a => a.RespondentHash));
        Assert.Equal(["u-mid", "u-late"], store.Answers(Noon.AddHours(1)).Select(a => a.RespondentHash));
        Assert.Empty(store.Answers(Noon.AddHours(3)));
    }

    [Fact]
    public void Erasing_a_respondent_deletes_their_answers_in_every_survey_and_nobody_elses()
    {
        var store = NewStore();
        var (first, second) = (NewSurvey(), NewSurvey());
        store.Create(first);
        store.Create(second);
        store.Record(Answer(first.Id, "u-gone", "Sad", Noon));
        store.Record(Answer(second.Id, "u-gone", "Calm", Noon));
        store.Record(Answer(first.Id, "u-stays", "Happy", Noon));

        Assert.Equal(2, store.EraseRespondent("u-gone"));
        Assert.Equal(0, store.EraseRespondent("u-gone"));
        Assert.Equal("u-stays", Assert.Single(store.Answers()).RespondentHash);
        Assert.NotNull(store.Find(first.Id));
    }
}
