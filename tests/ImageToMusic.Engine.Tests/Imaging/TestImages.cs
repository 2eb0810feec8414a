using ImageToMusic.Engine.Imaging;
using NetVips;

namespace ImageToMusic.Engine.Tests.Imaging;

/// <summary>
/// Test pictures drawn and encoded in-process by libvips (NetVips), so every machine makes the same bytes with no
/// command-line tool. Random content is seeded.
/// </summary>
public static class TestImages
{
    /// <summary>A <paramref name="width"/>×<paramref name="height"/> 8-bit image of one colour: grey (1 band, 2 with alpha) or sRGB (3, 4 with alpha).</summary>
    public static Image Solid(int width, int height, params double[] colour) =>
        (Image.Black(width, height, colour.Length) + colour).Cast(Enums.BandFormat.Uchar)
            .Copy(interpretation: colour.Length >= 3 ? Enums.Interpretation.Srgb : Enums.Interpretation.Bw);

    /// <summary>Smooth, detailed, photo-like 8-bit sRGB content: costs a decoder what a photo does.</summary>
    public static Image Textured(int width, int height, int seed = 7) => SyntheticPhoto.Create(width, height, seed);

    /// <summary><paramref name="first"/> beside (or above) <paramref name="second"/>.</summary>
    public static Image Join(Image first, Image second, bool horizontal = true) =>
        first.Join(second, horizontal ? Enums.Direction.Horizontal : Enums.Direction.Vertical);

    /// <summary>Encodes by the file suffix: jpg, png, webp, gif, tif, avif.</summary>
    public static byte[] Encode(Image image, string suffix, int quality = 90) => suffix switch
    {
        "jpg" => image.JpegsaveBuffer(q: quality),
        "png" => image.PngsaveBuffer(),
        "webp" => image.WebpsaveBuffer(q: quality),
        "gif" => image.GifsaveBuffer(),
        "tif" => image.TiffsaveBuffer(),
        "avif" => image.HeifsaveBuffer(q: quality, compression: Enums.ForeignHeifCompression.Av1),
        _ => throw new ArgumentOutOfRangeException(nameof(suffix), suffix, "no libvips saver for this suffix"),
    };

    public static byte[] Jpeg(Image image, int quality = 90) => Encode(image, "jpg", quality);

    public static byte[] Png(Image image) => Encode(image, "png");

    /// <summary>A JPEG of photo-like content.</summary>
    public static byte[] TexturedJpeg(int width, int height, int seed = 7) => Jpeg(Textured(width, height, seed));

    /// <summary>A PNG of photo-like content.</summary>
    public static byte[] TexturedPng(int width, int height, int seed = 7) => Png(Textured(width, height, seed));

    /// <summary>An animated GIF: the frames stacked top to bottom, each one page of the file.</summary>
    public static byte[] AnimatedGif(int width, int height, params double[][] frameColours)
    {
        var strip = Image.Arrayjoin([.. frameColours.Select(colour => Solid(width, height, colour))], across: 1);
        var animated = strip.Mutate(m =>
        {
            m.Set(GValue.GIntType, "page-height", height);
            m.Set(GValue.ArrayIntType, "delay", Enumerable.Repeat(100, frameColours.Length).ToArray());
            m.Set(GValue.GIntType, "loop", 0);
        });
        return animated.GifsaveBuffer();
    }

    /// <summary>A JPEG whose EXIF says how to turn it upright (1–8); libvips writes the tag from the image's metadata.</summary>
    public static byte[] JpegWithOrientation(Image image, int orientation, int quality = 95) =>
        image.Mutate(m => m.Set(GValue.GIntType, "orientation", orientation)).JpegsaveBuffer(q: quality);

    /// <summary>The picture as CMYK through libvips' built-in CMYK profile (what a print workflow produces).</summary>
    public static Image AsCmyk(Image srgb) => srgb.IccExport(outputProfile: "cmyk");

    /// <summary>The 8-bit image at 16 bits (each sample × 257, alpha included), interpreted as rgb16 or grey16.</summary>
    public static Image SixteenBit(Image eightBit) =>
        (eightBit * 257).Cast(Enums.BandFormat.Ushort)
            .Copy(interpretation: eightBit.Bands >= 3 ? Enums.Interpretation.Rgb16 : Enums.Interpretation.Grey16);
}
