namespace ImageToMusic.Server.Web;

/// <summary>
/// GET {*page}: the home page at /, a survey's page at /survey/{id}, and their scripts and styles at /static/{name}.
/// One catch-all door rather than three, because the Functions host cannot route an empty path to a function;
/// every other route is more specific and wins over it.
/// </summary>
public static class WebPages
{
    public static IResult Handle(string? page, HttpContext context) => (page ?? "").Split('/') switch
    {
        [""] => WebAssets.Page("home.html", context),
        ["survey", { Length: > 0 }] => WebAssets.Page("survey.html", context),
        ["static", { Length: > 0 } name] => WebAssets.Static(name, context),
        _ => Results.NotFound(),
    };
}
