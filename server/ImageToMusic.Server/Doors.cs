using ImageToMusic.Server.Endpoints;
using ImageToMusic.Server.Web;

namespace ImageToMusic.Server;

/// <summary>One HTTP door: its name (the function's name on Azure, the operationId in openapi.json), method, route and handler.</summary>
public sealed record Door(string Name, string Method, string Route, Delegate Handler);

/// <summary>
/// Every HTTP door, grouped by feature. `serve` maps them as minimal-API endpoints; the function app runs the very
/// same handlers from its [Function] classes (<see cref="Hosting.HttpDoors"/>), so both hosts bind and answer alike.
/// </summary>
public static class Doors
{
    public static readonly IReadOnlyList<Door> StoryApi =
    [
        new(nameof(Routes.StorySoundtrack), HttpMethods.Post, Routes.StorySoundtrack, StorySoundtrackEndpoint.Handle),
        new(nameof(Routes.GetAnalysis), HttpMethods.Get, Routes.GetAnalysis, GetAnalysisEndpoint.Handle),
        new(nameof(Routes.OpenApi), HttpMethods.Get, Routes.OpenApi, OpenApiEndpoint.Handle),
    ];

    public static readonly IReadOnlyList<Door> FeedbackApi =
    [
        new(nameof(Routes.Feedback), HttpMethods.Post, Routes.Feedback, FeedbackEndpoint.Handle),
        new(nameof(Routes.FeedbackCsv), HttpMethods.Get, Routes.FeedbackCsv, FeedbackCsvEndpoint.Handle),
    ];

    public static readonly IReadOnlyList<Door> SurveyApi =
    [
        new(nameof(Routes.GetSurvey), HttpMethods.Get, Routes.GetSurvey, SurveyEndpoints.Get),
        new(nameof(Routes.SurveyImage), HttpMethods.Get, Routes.SurveyImage, SurveyEndpoints.Image),
        new(nameof(Routes.SurveyAnswers), HttpMethods.Post, Routes.SurveyAnswers, SurveyEndpoints.Answer),
    ];

    public static readonly IReadOnlyList<Door> Bots =
    [
        new(nameof(Routes.DiscordInteractions), HttpMethods.Post, Routes.DiscordInteractions, DiscordInteractionsEndpoint.Handle),
        new(nameof(Routes.Messages), HttpMethods.Post, Routes.Messages, TeamsMessagesEndpoint.Handle),
    ];

    public static readonly IReadOnlyList<Door> Web =
    [
        new(nameof(Routes.WebSuggest), HttpMethods.Post, Routes.WebSuggest, WebSuggestEndpoint.Handle),
        new(nameof(Routes.WebStory), HttpMethods.Post, Routes.WebStory, StorySoundtrackEndpoint.HandleUploads),
        new(nameof(Routes.WebFeedback), HttpMethods.Post, Routes.WebFeedback, WebFeedbackEndpoint.Handle),
        new(nameof(Routes.Dashboard), HttpMethods.Get, Routes.Dashboard, DashboardPage.Handle),
        new(nameof(Routes.WebPages), HttpMethods.Get, Routes.WebPages, WebPages.Handle),
    ];

    public static IEnumerable<Door> All => [.. StoryApi, .. FeedbackApi, .. SurveyApi, .. Bots, .. Web];

    public static IEndpointRouteBuilder MapStoryApi(this IEndpointRouteBuilder app) => app.Map(StoryApi);
    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app) => app.Map(FeedbackApi);
    public static IEndpointRouteBuilder MapSurveyApi(this IEndpointRouteBuilder app) => app.Map(SurveyApi);
    public static IEndpointRouteBuilder MapBots(this IEndpointRouteBuilder app) => app.Map(Bots);
    public static IEndpointRouteBuilder MapWeb(this IEndpointRouteBuilder app) => app.Map(Web);

    private static IEndpointRouteBuilder Map(this IEndpointRouteBuilder app, IEnumerable<Door> doors)
    {
        foreach (var door in doors) app.MapMethods("/" + door.Route, [door.Method], door.Handler).WithName(door.Name);
        return app;
    }
}
