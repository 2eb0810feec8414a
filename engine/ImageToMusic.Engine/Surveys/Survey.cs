using System.Security.Cryptography;

namespace ImageToMusic.Engine.Surveys;

/// <summary>
/// One photo put to people: its analysis and the five tracks suggested for it, with a small preview of the photo
/// so the survey page can show it without the original upload. Anyone with the id may answer, so the id is the secret.
/// </summary>
/// <param name="Batch">A name grouping the surveys of one study; answers' thumbs count as that community.</param>
/// <param name="Preview">A metadata-free JPEG (<see cref="Imaging.VipsImageDecoder.Preview"/>).</param>
public sealed record Survey(string Id, string AnalysisId, string RecommendationId, string? Batch, DateTimeOffset CreatedAt, byte[] Preview)
{
    public const string PreviewContentType = "image/jpeg";

    /// <summary>"sv-" + 128 random bits: unguessable, so a survey link cannot be found by trying ids.</summary>
    public static string NewId() => "sv-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}

/// <summary>
/// What one respondent said about a survey's photo as a whole; their per-track "does this fit?" answers are
/// thumbs (<see cref="Feedback.FeedbackVote"/> with platform "survey"). One per respondent × survey.
/// </summary>
/// <param name="RespondentHash">The respondent as a salted hash (<see cref="Feedback.UserIds"/>).</param>
/// <param name="Mood">The mood word (<see cref="Music.MusicMoods"/>) they chose as fitting best, or null for "not sure".</param>
public sealed record SurveyAnswer(string SurveyId, string RespondentHash, string? Mood, string? Comment, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
