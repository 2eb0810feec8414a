using ImageToMusic.Engine.Fetching;
using ImageToMusic.Engine.Imaging;

namespace ImageToMusic.Server.Hosting;

/// <summary>An error a caller caused, with the HTTP status and the RFC 7807 type it maps to.</summary>
public sealed class ApiProblem(int status, string title, string detail, string? code = null) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    /// <summary>A stable machine-readable code for clients, e.g. "source_not_allowed"; null when the status says it all.</summary>
    public string? Code { get; } = code;

    public static ApiProblem BadRequest(string detail) => new(StatusCodes.Status400BadRequest, "The request is malformed", detail);
    public static ApiProblem NotFound(string detail) => new(StatusCodes.Status404NotFound, "Not found", detail);

    /// <summary>A photo the engine refused: too large → 413, not an image format → 415, empty or corrupt → 400.</summary>
    public static ApiProblem For(ImageRejectedException e, string which) => e.Kind switch
    {
        ImageErrorKind.TooLarge => new(StatusCodes.Status413PayloadTooLarge, "Image too large", $"{which}: {e.Message}"),
        ImageErrorKind.UnsupportedFormat => new(StatusCodes.Status415UnsupportedMediaType, "Unsupported image format", $"{which}: {e.Message}"),
        _ => new(StatusCodes.Status400BadRequest, e.Kind == ImageErrorKind.Empty ? "Empty image" : "Corrupt image", $"{which}: {e.Message}"),
    };

    /// <summary>A photo URL that may not or could not be used; the same answer whatever the cause (see <see cref="SourceRefusedException"/>).</summary>
    public static ApiProblem SourceRefused(SourceRefusedException e, string which) =>
        new(StatusCodes.Status400BadRequest, "Image source not allowed", $"{which}: {e.Message}", SourceRefusedException.Code);

    public IResult ToResult(string? code = null) => Results.Problem(
        detail: Message, statusCode: Status, title: Title,
        type: $"https://httpstatuses.io/{Status}",
        extensions: (code ?? Code) is { } c ? new Dictionary<string, object?> { ["code"] = c } : null);
}
