using ImageToMusic.Server;
using ImageToMusic.Server.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ImageToMusic.Functions;

/// <summary>
/// The HTTP functions. Each only hands the request to its door (<see cref="Doors"/>), the handler `serve` maps under
/// the same route; the host checks function keys where the level is Function. Named as the doors are, so a
/// function's name is its operationId in openapi.json.
/// </summary>
public sealed class HttpFunctions(HttpDoors doors)
{
    [Function(nameof(Routes.StorySoundtrack))]
    public Task StorySoundtrack([HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.StorySoundtrack)] HttpRequest request) =>
        doors.RunAsync(nameof(Routes.StorySoundtrack), request.HttpContext);

    [Function(nameof(Routes.GetAnalysis))]
    public Task GetAnalysis([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.GetAnalysis)] HttpRequest request) =>
        doors.RunAsync(nameof(Routes.GetAnalysis), request.HttpContext);

    [Function(nameof(Routes.OpenApi))]
    public Task OpenApi([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.OpenApi)] HttpRequest request) =>
        doors.RunAsync(nameof(Routes.OpenApi), request.HttpContext);

    [Function(nameof(Routes.Feedback))]
    public Task Feedback([HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.Feedback)] HttpRequest request) =>
        doors.RunAsync(nameof(Routes.Feedback), request.HttpContext);

    [Function(nameof(Routes.FeedbackCsv))]
    public Task FeedbackCsv([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.FeedbackCsv)] HttpRequest request) =>
        doors.RunAsync(nameof(Routes.FeedbackCsv), request.HttpContext);

    [Function(nameof(Routes.GetSurvey))]
    public Task GetSurvey([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.GetSurvey)] HttpRequest request) =>
        doors.RunAsync(nameof(Routes.GetSurvey), request.HttpContext);

    [Function(nameof(Routes.SurveyImage))]
    public Task SurveyImage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.SurveyImage)] HttpRequest request) =>
        doors.RunAsync(nameof(Routes.SurveyImage), request.HttpContext);

    [Function(nameof(Routes.SurveyAnswers))]
    public Task SurveyAnswers([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.SurveyAnswers)] HttpRequest request) =>
        doors.RunAsync(nameof(Routes.SurveyAnswers), request.HttpContext);

    /// <summary>Anonymous to the host: Discord signs every request (Ed25519), and the door checks the signature.</summary>
    [Function(nameof(Routes.DiscordInteractions))]
    public Task DiscordInteractions([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.DiscordInteractions)] HttpRequest request) =>
        doors.RunAsync(nameof(Routes.DiscordInteractions), request.HttpContext);

    /// <summary>Anonymous to the host: the Bot Connector sends a signed JWT, and the door checks it.</summary>
    [Function(nameof(Routes.Messages))]
    public Task Messages([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Messages)] HttpRequest request) =>
        doors.RunAsync(nameof(Routes.Messages), request.HttpContext);

    [Function(nameof(Routes.WebSuggest))]
    public Task WebSuggest([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.WebSuggest)] HttpRequest request) =>
        doors.RunAsync(nameof(Routes.WebSuggest), request.HttpContext);

    [Function(nameof(Routes.WebStory))]
    public Task WebStory([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.WebStory)] HttpRequest request) =>
        doors.RunAsync(nameof(Routes.WebStory), request.HttpContext);

    [Function(nameof(Routes.WebFeedback))]
    public Task WebFeedback([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.WebFeedback)] HttpRequest request) =>
        doors.RunAsync(nameof(Routes.WebFeedback), request.HttpContext);

    [Function(nameof(Routes.Dashboard))]
    public Task Dashboard([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.Dashboard)] HttpRequest request) =>
        doors.RunAsync(nameof(Routes.Dashboard), request.HttpContext);

    [Function(nameof(Routes.WebPages))]
    public Task WebPages([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.WebPages)] HttpRequest request) =>
        doors.RunAsync(nameof(Routes.WebPages), request.HttpContext);
}
