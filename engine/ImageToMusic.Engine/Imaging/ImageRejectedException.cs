namespace ImageToMusic.Engine.Imaging;

/// <summary>Why an input could not be analysed; every door maps these to its own error shape.</summary>
public enum ImageErrorKind
{
    Empty,
    UnsupportedFormat,
    Corrupt,
    TooLarge,
}

/// <summary>The one exception the imaging layer throws for bad input; the message is fit to show a user.</summary>
public sealed class ImageRejectedException(ImageErrorKind kind, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public ImageErrorKind Kind { get; } = kind;

    /// <summary>Stable machine-readable code, e.g. "unsupported_format".</summary>
    public string Code => Kind switch
    {
        ImageErrorKind.Empty => "empty",
        ImageErrorKind.UnsupportedFormat => "unsupported_format",
        ImageErrorKind.Corrupt => "corrupt",
        ImageErrorKind.TooLarge => "too_large",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
    };
}
