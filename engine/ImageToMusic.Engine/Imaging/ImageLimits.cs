namespace ImageToMusic.Engine.Imaging;

/// <summary>Which colour transparent pixels are composited onto before analysis.</summary>
public enum AlphaBackground { White, Black }

/// <summary>
/// Guards applied before any pixel is decoded. Both limits are read from the encoded header,
/// so a decompression bomb is refused without allocating its pixels.
/// </summary>
public sealed record ImageLimits
{
    public const long DefaultMaxBytes = 20L * 1024 * 1024;
    public const long DefaultMaxPixels = 100_000_000;

    public long MaxBytes { get; init; } = DefaultMaxBytes;
    public long MaxPixels { get; init; } = DefaultMaxPixels;
    public AlphaBackground AlphaBackground { get; init; } = AlphaBackground.White;

    public static ImageLimits Default { get; } = new();
}
