using ImageToMusic.Engine.Imaging;

namespace ImageToMusic.Engine.Tests.Imaging;

/// <summary>The JPEG a survey page shows: small, upright, decodable, and with the photo's metadata gone.</summary>
public sealed class VipsPreviewTests
{
    private readonly VipsImageDecoder _decoder = new(ImageLimits.Default);

    [Fact]
    public void A_large_photo_shrinks_to_the_longest_side_keeping_its_shape_and_loses_its_exif()
    {
        var photo = TestImages.JpegWithOrientation(TestImages.Textured(1600, 1000), 6);
        Assert.Contains("Exif", Segments(photo));

        var preview = _decoder.Preview(photo, 400);

        Assert.Equal([0xFF, 0xD8], preview[..2]);
        Assert.DoesNotContain("Exif", Segments(preview));
        var (width, height) = SizeOf(preview);
        // Orientation 6 turns the stored 1600×1000 upright to 1000×1600, then it shrinks to fit 400.
        Assert.Equal((250, 400), (width, height));
        Assert.Equal((250, 400), (_decoder.Decode(preview).Source.Width, _decoder.Decode(preview).Source.Height));
    }

    [Fact]
    public void A_small_photo_is_never_enlarged_and_transparency_is_flattened()
    {
        var png = TestImages.Png(TestImages.Textured(120, 80).Bandjoin(128));
        var preview = _decoder.Preview(png, 800);
        Assert.Equal((120, 80), SizeOf(preview));
    }

    [Fact]
    public void What_decode_refuses_preview_refuses_the_same_way()
    {
        var error = Assert.Throws<ImageRejectedException>(() => _decoder.Preview("not an image"u8.ToArray()));
        Assert.Equal(ImageErrorKind.UnsupportedFormat, error.Kind);
        Assert.Equal(ImageErrorKind.Empty, Assert.Throws<ImageRejectedException>(() => _decoder.Preview([])).Kind);
    }

    /// <summary>The identifiers of the JPEG's APPn segments before the image data, e.g. "JFIF", "Exif".</summary>
    private static List<string> Segments(byte[] jpeg)
    {
        var names = new List<string>();
        for (var i = 2; i + 8 < jpeg.Length && jpeg[i] == 0xFF && jpeg[i + 1] != 0xDA; i += 2 + (jpeg[i + 2] << 8 | jpeg[i + 3]))
            if (jpeg[i + 1] is >= 0xE0 and <= 0xEF) names.Add(System.Text.Encoding.ASCII.GetString(jpeg, i + 4, 4));
        return names;
    }

    private static (int Width, int Height) SizeOf(byte[] jpeg)
    {
        for (var i = 2; i + 8 < jpeg.Length; i += 2 + (jpeg[i + 2] << 8 | jpeg[i + 3]))
            if (jpeg[i + 1] is 0xC0 or 0xC1 or 0xC2)
                return (jpeg[i + 7] << 8 | jpeg[i + 8], jpeg[i + 5] << 8 | jpeg[i + 6]);
        throw new InvalidDataException("No frame header in the JPEG.");
    }
}
