using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Storage;

namespace ImageToMusic.Engine.Surveys;

/// <summary>What answering a survey stored.</summary>
public sealed record SurveyAnswerResult(string SurveyId, int VotesStored, string? Mood, bool CommentStored, FeedbackOutcome Outcome);

/// <summary>A survey with what it asks about: the analysis (for the mood) and the five tracks shown.</summary>
public sealed record SurveyQuestions(Survey Survey, AnalysisRecord Analysis, RecommendationRecord Recommendation)
{
    public string PredictedMood => MusicMoods.WordOf(Analysis.Valence, Analysis.Arousal);
}

/// <summary>
/// Creates surveys from photos and stores what respondents answer: per track a thumb (platform "survey", the batch
/// as community, so surveys count in the same figures as the bots), and for the photo a mood word and a comment.
/// Every door (CLI, HTTP) goes through here. Thread-safe.
/// </summary>
/// <param name="votes">Records each "fits?" as a vote, as every other door does.</param>
/// <param name="userSalt">Hashes respondents, as <paramref name="votes"/> hashes voters.</param>
public sealed class SurveyService(Recommender recommender, ISurveyStore surveys, IAnalysisStore analyses, FeedbackService votes,
    string userSalt, TimeProvider? clock = null)
{
    public const string Platform = "survey";
    public const int MaxCommentLength = 2000;
    public const int PreviewLongestSide = 800;

    private readonly TimeProvider clock = clock ?? TimeProvider.System;
    private readonly VipsImageDecoder previews = new(recommender.Analyzer.Limits);

    /// <summary>Analyses the photo, suggests its five tracks and stores a survey about them. Throws <see cref="ImageRejectedException"/> for a bad photo.</summary>
    public async Task<Survey> CreateAsync(ReadOnlyMemory<byte> photo, string source, string? batch = null, CancellationToken cancellation = default)
    {
        batch = string.IsNullOrWhiteSpace(batch) ? null : batch.Trim();
        var preview = previews.Preview(photo.Span, PreviewLongestSide);
        var recommendation = await recommender.RecommendAsync(photo, source, cancellation: cancellation);
        var survey = new Survey(Survey.NewId(), recommendation.AnalysisId, recommendation.RecommendationId, batch, clock.GetUtcNow(), preview);
        await surveys.CreateAsync(survey, cancellation);
        return survey;
    }

    /// <summary>The survey and what it asks about, or null when there is no such survey (or its analysis is gone).</summary>
    public async Task<SurveyQuestions?> FindAsync(string surveyId, CancellationToken cancellation = default)
    {
        if (await surveys.FindAsync(surveyId, cancellation) is not { } survey) return null;
        var analysis = await analyses.FindAnalysisAsync(survey.AnalysisId, cancellation);
        var recommendation = await analyses.FindRecommendationAsync(survey.RecommendationId, cancellation);
        return analysis is null || recommendation is null ? null : new SurveyQuestions(survey, analysis, recommendation);
    }

    /// <summary>
    /// Stores one respondent's answers. Throws <see cref="ArgumentException"/> naming the field (ParamName) for a
    /// missing respondent, a track not in the survey or an unknown mood word; nothing is stored then.
    /// </summary>
    /// <param name="respondent">An opaque id for the respondent (the page keeps one per browser); stored only as a salted hash.</param>
    /// <param name="fits">"Does this fit?" per track id; tracks left out were not answered.</param>
    public async Task<SurveyAnswerResult> AnswerAsync(SurveyQuestions questions, string? respondent, IReadOnlyDictionary<string, bool> fits, string? mood, string? comment,
        CancellationToken cancellation = default)
    {
        if (string.IsNullOrWhiteSpace(respondent)) throw new ArgumentException("respondent is required (an opaque id; it is stored only as a salted hash).", "respondent");
        var shown = questions.Recommendation.Tracks.Select(t => t.TrackId).ToHashSet(StringComparer.Ordinal);
        if (fits.Keys.FirstOrDefault(id => !shown.Contains(id)) is { } stranger)
            throw new ArgumentException($"Track '{stranger}' is not one of this survey's tracks.", "fits");
        var word = mood is null ? null : MusicMoods.IndexOf(mood) is var index and >= 0 ? MusicMoods.All[index]
            : throw new ArgumentException($"mood must be one of {string.Join(", ", MusicMoods.All)} or null (got \"{mood}\").", "mood");
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (comment is { Length: > MaxCommentLength }) comment = comment[..MaxCommentLength];

        var survey = questions.Survey;
        foreach (var (trackId, fitsPhoto) in fits)
            await votes.RecordAsync(questions.Recommendation, trackId, fitsPhoto ? Vote.Up : Vote.Down, Platform, respondent, survey.Batch, cancellation);
        var now = clock.GetUtcNow();
        var outcome = await surveys.RecordAsync(new SurveyAnswer(survey.Id, UserIds.Hash(userSalt, Platform, respondent), word, comment, now, now), cancellation);
        return new SurveyAnswerResult(survey.Id, fits.Count, word, comment is not null, outcome);
    }
}
