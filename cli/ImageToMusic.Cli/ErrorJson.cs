using ImageToMusic.Engine.Imaging;

namespace ImageToMusic.Cli;

/// <summary>A per-image failure as commands report it, so one bad photo never stops the others.</summary>
internal sealed record ErrorJson(string Code, string Message)
{
    /// <summary>The typed error for a photo that could not be used, or null for failures that are not the photo's fault.</summary>
    public static ErrorJson? ForImage(Exception e) => e switch
    {
        ImageRejectedException r => new ErrorJson(r.Code, r.Message),
        FileNotFoundException or DirectoryNotFoundException => new ErrorJson("not_found", e.Message),
        _ => null,
    };
}
