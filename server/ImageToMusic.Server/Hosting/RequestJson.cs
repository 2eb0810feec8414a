using System.Text.Json;

namespace ImageToMusic.Server.Hosting;

/// <summary>The JSON conventions of the API (snake_case) and body reading that says exactly what is malformed.</summary>
public static class RequestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>
    /// The largest JSON body any endpoint takes: the biggest, a story naming 20 photos by URL, is a few KB. Capped before
    /// reading, so nobody can make the server parse megabytes (a 2,000,000-entry images array took 7.8 s) to be told 400.
    /// </summary>
    public const long MaxBytes = 256 * 1024;

    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellation) where T : class
    {
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            throw new ApiProblem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"Send application/json (got {request.ContentType ?? "no Content-Type"}).");
        BodyLimit.Cap(request, MaxBytes, "A JSON request");
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellation)
                   ?? throw ApiProblem.BadRequest("The body is JSON null; expected an object.");
        }
        catch (JsonException e)
        {
            throw ApiProblem.BadRequest($"The body is not valid for this request: {e.Message}");
        }
    }
}
