using ImageToMusic.Engine;
using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Surveys;
using ImageToMusic.Server.Hosting;

namespace ImageToMusic.Server.Endpoints;

/// <summary>
/// What the survey page (/survey/{id}) calls: the survey's photo and tracks, and the answers. Open to anyone with
/// the link, as the unguessable id is what grants access; rate-limited per address like the rest of the API.
/// </summary>
public static class SurveyEndpoints
{
    public const string PathPrefix = "/api/surveys";

    /// <summary>No score: respondents judge the fit themselves.</summary>
    public sealed record SurveyTrackJson(int Rank, string TrackId, string Title, string Artist, string Reason);

    public sealed record SurveyJson(string SurveyId, string AnalysisId, string RecommendationId, string? Batch, string ImageUrl,
        MoodJson Mood, IReadOnlyList<string> MoodWords, IReadOnlyList<SurveyTrackJson> Tracks);

    public sealed record AnswersRequest(string? Respondent, Dictionary<string, bool>? Fits, string? Mood, string? Comment);
    public sealed record AnswersResponse(string SurveyId, int VotesStored, string? Mood, bool CommentStored, string Outcome);

    /// <summary>GET /api/surveys/{id}</summary>
    public static async Task<IResult> Get(string id, SurveyService surveys, CancellationToken cancellation)
    {
        var questions = await FindAsync(id, surveys, cancellation);
        var (survey, analysis, recommendation) = (questions.Survey, questions.Analysis, questions.Recommendation);
        return Results.Ok(new SurveyJson(survey.Id, survey.AnalysisId, survey.RecommendationId, survey.Batch, $"{PathPrefix}/{Uri.EscapeDataString(survey.Id)}/image",
            MoodJson.Of(analysis.Valence, analysis.Arousal, analysis.Emotions), MusicMoods.All,
            [.. recommendation.Tracks.Select(t => new SurveyTrackJson(t.Rank, t.TrackId, t.Title, t.Artist, t.Reason))]));
    }

    /// <summary>GET /api/surveys/{id}/image: the survey's preview, never the original upload.</summary>
    public static async Task<IResult> Image(string id, ISurveyStore surveys, HttpResponse response, CancellationToken cancellation)
    {
        var survey = await surveys.FindAsync(id, cancellation) ?? throw NoSuchSurvey(id);
        response.Headers.CacheControl = "private, max-age=3600";
        return Results.Bytes(survey.Preview, Survey.PreviewContentType);
    }

    /// <summary>POST /api/surveys/{id}/answers</summary>
    public static async Task<IResult> Answer(string id, HttpRequest request, SurveyService surveys, CancellationToken cancellation)
    {
        var questions = await FindAsync(id, surveys, cancellation);
        var body = await RequestJson.ReadAsync<AnswersRequest>(request, cancellation);
        try
        {
            var result = await surveys.AnswerAsync(questions, body.Respondent, body.Fits ?? [], body.Mood, body.Comment, cancellation);
            return Results.Ok(new AnswersResponse(result.SurveyId, result.VotesStored, result.Mood, result.CommentStored, result.Outcome.ToString().ToLowerInvariant()));
        }
        catch (ArgumentException e)
        {
            throw ApiProblem.BadRequest($"{e.ParamName}: {e.Reason()}");
        }
    }

    private static async Task<SurveyQuestions> FindAsync(string id, SurveyService surveys, CancellationToken cancellation) =>
        await surveys.FindAsync(id, cancellation) ?? throw NoSuchSurvey(id);

    private static ApiProblem NoSuchSurvey(string id) => ApiProblem.NotFound($"No survey with id '{id}'; check the link.");
}
