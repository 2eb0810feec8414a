namespace ImageToMusic.Engine.Imaging;

/// <summary>Which colour transparent pixels are composited onto before analysis.</summary>
public enum AlphaBackground { White, Black }

/// <summary>
/// Guards on the work one photo may cost. Bytes, pixels and tile reads are read from the encoded header, so a
/// decompression bomb is refused without allocating its pixels; the deadline stops a decode that gets past them.
/// </summary>
public sealed record ImageLimits
{
    public const long DefaultMaxBytes = 20L * 1024 * 1024;
    public const long DefaultMaxPixels = 100_000_000;
    // A tiled image is read tile by tile, and shrinking it to 224 rows reads a row of tiles again for every output row
    // it feeds: about tiles-across × max(tiles-down, 224) tile reads, at roughly 10 µs each here. A 100-megapixel TIFF
    // in 128×128 tiles needs 17,700; the 198-byte bomb of issue 13 (1,000,000×1 in 16×16 tiles) 14 million (255 s).
    public const long DefaultMaxTileReads = 50_000;

    public long MaxBytes { get; init; } = DefaultMaxBytes;
    public long MaxPixels { get; init; } = DefaultMaxPixels;
    public long MaxTileReads { get; init; } = DefaultMaxTileReads;

    /// <summary>Wall time one decode may take before libvips is told to stop; it stops at its next region, so a
    /// decode ends a little after this.</summary>
    public TimeSpan DecodeDeadline { get; init; } = TimeSpan.FromSeconds(1);
    public AlphaBackground AlphaBackground { get; init; } = AlphaBackground.White;

    public static ImageLimits Default { get; } = new();
}
