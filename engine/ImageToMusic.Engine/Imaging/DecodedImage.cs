namespace ImageToMusic.Engine.Imaging;

/// <summary>What the decoder learnt about the encoded file before shrinking it.</summary>
/// <param name="Format">The libvips loader's format name, e.g. "jpeg", "png", "webp".</param>
/// <param name="Width">Width of the first page/frame after EXIF orientation.</param>
/// <param name="Height">Height of the first page/frame after EXIF orientation.</param>
/// <param name="Bands">Bands in the file, alpha included (1 grey, 3 RGB, 4 RGBA or CMYK, ...).</param>
/// <param name="Interpretation">libvips' interpretation name, e.g. "srgb", "b-w", "cmyk", "rgb16".</param>
/// <param name="Pages">Pages or frames in the file (1 for a still image).</param>
/// <param name="Orientation">EXIF orientation tag (1–8) that was applied, 1 when absent.</param>
/// <param name="FlattenedAlphaOn">The background alpha was composited onto, or null when the file had no alpha.</param>
public sealed record SourceImageInfo(
    string Format,
    int Width,
    int Height,
    int Bands,
    string Interpretation,
    int Pages,
    int Orientation,
    AlphaBackground? FlattenedAlphaOn);

/// <summary>
/// An image ready for analysis: 8-bit sRGB, 3 bands, interleaved row-major (R,G,B,R,G,B,...),
/// exactly <see cref="Size"/>×<see cref="Size"/> (the whole picture, not a crop).
/// </summary>
public sealed class DecodedImage
{
    public const int Size = 224;

    public DecodedImage(byte[] rgb, SourceImageInfo source)
    {
        if (rgb.Length != Size * Size * 3)
            throw new ArgumentException($"Expected {Size * Size * 3} RGB bytes, got {rgb.Length}.", nameof(rgb));
        Rgb = rgb;
        Source = source;
    }

    public byte[] Rgb { get; }
    public SourceImageInfo Source { get; }
}
