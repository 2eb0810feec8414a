namespace ImageToMusic.Server;

/// <summary>
/// Every HTTP door's route, in one place (templates without the leading slash, as the Functions host writes them).
/// `serve` maps them (<see cref="Doors"/>), the function app's [HttpTrigger] attributes name them, and the OpenAPI
/// document describes them; a test holds the three equal, with each door's name and method.
/// </summary>
public static class Routes
{
    public const string StorySoundtrack = "api/story/soundtrack";
    public const string Feedback = "api/feedback";
    public const string FeedbackCsv = "api/feedback.csv";
    public const string GetAnalysis = "api/analyses/{id}";
    public const string GetSurvey = "api/surveys/{id}";
    public const string SurveyImage = "api/surveys/{id}/image";
    public const string SurveyAnswers = "api/surveys/{id}/answers";
    public const string OpenApi = "api/openapi.json";
    public const string DiscordInteractions = "api/discord/interactions";
    public const string Messages = "api/messages";
    public const string WebSuggest = "api/web/suggest";
    public const string WebStory = "api/web/story";
    public const string WebFeedback = "api/web/feedback";
    public const string Dashboard = "dashboard";
    /// <summary>The home page, survey pages and their scripts and styles: one catch-all, so the host needs no empty route.</summary>
    public const string WebPages = "{*page}";
}
