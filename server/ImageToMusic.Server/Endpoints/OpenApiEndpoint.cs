namespace ImageToMusic.Server.Endpoints;

/// <summary>Serves the hand-written OpenAPI description (openapi.json, embedded), the contract social apps build against.</summary>
public static class OpenApiEndpoint
{
    public const string Path = "/" + Routes.OpenApi;

    private static readonly Lazy<string> Document = new(() =>
    {
        using var stream = typeof(OpenApiEndpoint).Assembly.GetManifestResourceStream("ImageToMusic.Server.openapi.json")
                           ?? throw new InvalidOperationException("openapi.json is not embedded in the function app.");
        return new StreamReader(stream).ReadToEnd();
    });

    public static IResult Handle() => Results.Text(Document.Value, "application/json");
}
