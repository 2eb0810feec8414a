using ImageToMusic.Engine.Imaging;
using static ImageToMusic.Engine.Tests.Imaging.Pixels;

namespace ImageToMusic.Engine.Tests.Imaging;

/// <summary>Real files through the real libvips: every format, orientation and colour layout ends as 224×224 sRGB.</summary>
public sealed class VipsImageDecoderFormatTests(ImageMagick magick) : IClassFixture<ImageMagick>
{
    private readonly VipsImageDecoder _decoder = new(ImageLimits.Default);

    // A 400×100 picture, left half red, right half blue: squashed (not cropped) to 224×224, the halves stay halves.
    private static readonly string[] RedLeftBlueRight = ["-size", "200x100", "xc:red", "xc:blue", "+append", "-depth", "8"];

    [Theory]
    [InlineData("jpg", "jpeg", 8)]
    [InlineData("png", "png", 0)]
    [InlineData("webp", "webp", 12)]
    [InlineData("gif", "gif", 0)]
    [InlineData("tif", "tiff", 0)]
    [InlineData("avif", "avif", 12)]
    public void Every_format_decodes_to_the_whole_picture_squashed_to_224(string suffix, string format, int tolerance)
    {
        var image = _decoder.Decode(magick.Convert($"halves.{suffix}", [.. RedLeftBlueRight, "-quality", "92"]));

        Assert.Equal(DecodedImage.Size * DecodedImage.Size * 3, image.Rgb.Length);
        AssertNear(image, 8, 8, Red, tolerance);
        AssertNear(image, 100, 112, Red, tolerance);
        AssertNear(image, 124, 112, Blue, tolerance);
        AssertNear(image, 215, 215, Blue, tolerance);
        Assert.Equal(new SourceImageInfo(format, 400, 100, 3, "srgb", 1, 1, null), image.Source);
    }

    [Fact]
    public void Heic_decodes_or_is_refused_as_unsupported_when_this_libvips_has_no_HEVC_decoder()
    {
        var heic = magick.Convert("halves.heic", [.. RedLeftBlueRight, "-quality", "92"]);

        try
        {
            var image = _decoder.Decode(heic);
            AssertNear(image, 40, 112, Red, 16);
            AssertNear(image, 184, 112, Blue, 16);
            Assert.Equal("heic", image.Source.Format);
        }
        catch (ImageRejectedException rejected)
        {
            Assert.Equal(ImageErrorKind.UnsupportedFormat, rejected.Kind);
            Assert.StartsWith("This HEIC photo cannot be decoded", rejected.Message);
        }
    }

    [Fact]
    public void Animated_gif_gives_its_first_frame()
    {
        var gif = magick.Convert("frames.gif", "-size", "64x48", "-delay", "10", "xc:red", "xc:lime", "xc:blue", "-loop", "0");

        var image = _decoder.Decode(gif);

        AssertNear(image, 112, 112, Red, 0);
        Assert.Equal(new SourceImageInfo("gif", 64, 48, 3, "srgb", 3, 1, null), image.Source);
    }

    [Theory]
    // Stored picture: 200×100, top half red, bottom half blue. Orientation says how to turn it upright.
    [InlineData(1, 200, 100, "red above blue")]
    [InlineData(3, 200, 100, "blue above red")]   // rotate 180°
    [InlineData(6, 100, 200, "blue left of red")] // rotate 90° clockwise: the stored top becomes the right side
    [InlineData(8, 100, 200, "red left of blue")] // rotate 90° anticlockwise: the stored top becomes the left side
    public void Exif_orientation_turns_the_picture_upright(ushort orientation, int width, int height, string expected)
    {
        var stored = magick.Convert("top-red.jpg", "-size", "200x50", "xc:red", "xc:blue", "-append", "-quality", "95");

        var image = _decoder.Decode(HandMadeBytes.WithExifOrientation(stored, orientation));

        var (first, second, firstAt, secondAt) = expected switch
        {
            "red above blue" => (Red, Blue, (112, 40), (112, 184)),
            "blue above red" => (Blue, Red, (112, 40), (112, 184)),
            "blue left of red" => (Blue, Red, (40, 112), (184, 112)),
            "red left of blue" => (Red, Blue, (40, 112), (184, 112)),
            _ => throw new ArgumentOutOfRangeException(nameof(expected)),
        };
        AssertNear(image, firstAt.Item1, firstAt.Item2, first, 8);
        AssertNear(image, secondAt.Item1, secondAt.Item2, second, 8);
        Assert.Equal((orientation, width, height), (image.Source.Orientation, image.Source.Width, image.Source.Height));
    }

    [Theory]
    [InlineData("gray8.png", "b-w", new[] { "-depth", "8" })]
    [InlineData("gray16.png", "grey16", new[] { "-depth", "16", "-define", "png:bit-depth=16" })]
    [InlineData("gray.jpg", "b-w", new[] { "-depth", "8" })]
    public void Grayscale_becomes_three_equal_bands(string file, string interpretation, string[] depth)
    {
        var gray = magick.Convert(file, ["-size", "64x64", "xc:gray50", "-colorspace", "Gray", .. depth]);

        var image = _decoder.Decode(gray);

        AssertNear(image, 112, 112, (128, 128, 128), 2);
        var (r, g, b) = At(image, 30, 200);
        Assert.True(r == g && g == b, $"grey should stay grey, got {(r, g, b)}");
        Assert.Equal((1, interpretation), (image.Source.Bands, image.Source.Interpretation));
    }

    [Fact]
    public void Sixteen_bit_png_becomes_eight_bit()
    {
        var deep = magick.Convert("deep.png", "-size", "64x64", "xc:rgb(200,100,50)", "-depth", "16", "-define", "png:format=png48");

        var image = _decoder.Decode(deep);

        AssertNear(image, 112, 112, (200, 100, 50), 1);
        Assert.Equal(("rgb16", 3), (image.Source.Interpretation, image.Source.Bands));
    }

    [Fact]
    public void Cmyk_jpeg_without_a_profile_converts_through_the_fallback_profile()
    {
        // ImageMagick's naive conversion makes red C=0 M=100% Y=100% K=0: a printer's red.
        var cmyk = magick.Convert("cmyk.jpg", "-size", "64x64", "xc:red", "-colorspace", "CMYK", "-quality", "95");

        var image = _decoder.Decode(cmyk);

        var (r, g, b) = At(image, 112, 112);
        Assert.True(r > 200 && g < 80 && b < 80, $"M+Y should print red, got {(r, g, b)}");
        Assert.Equal(("cmyk", 4), (image.Source.Interpretation, image.Source.Bands));
    }

    [Fact]
    public void Cmyk_jpeg_with_an_embedded_profile_converts_through_that_profile()
    {
        var cmyk = magick.Convert("cmyk-profiled.jpg", "-size", "64x64", "xc:red", "-colorspace", "CMYK", "-quality", "95");
        // L*46 a*-52 b*50 is sRGB (0,128,0): only a decoder that used this profile can see green here.
        var profile = HandMadeBytes.CmykProfileMappingEverythingTo(46.2, -51.7, 49.9);

        var image = _decoder.Decode(HandMadeBytes.WithIccProfile(cmyk, profile));

        AssertNear(image, 112, 112, (0, 128, 0), 12);
    }

    [Theory]
    [InlineData(AlphaBackground.White, "png32", 255, 127, 127)]
    [InlineData(AlphaBackground.Black, "png32", 128, 0, 0)]
    [InlineData(AlphaBackground.White, "png64", 255, 127, 127)]
    [InlineData(AlphaBackground.Black, "png64", 128, 0, 0)]
    public void Alpha_is_flattened_onto_the_configured_background(AlphaBackground background, string pngType, int r, int g, int b)
    {
        // Left: opaque blue. Right: half-transparent red. Alpha 50% of 255 is stored as 128.
        var png = magick.Convert($"{pngType}-alpha.png", "-size", "32x64", "xc:blue", "xc:rgba(255,0,0,0.5)", "+append",
            "-define", $"png:format={pngType}");
        var decoder = new VipsImageDecoder(ImageLimits.Default with { AlphaBackground = background });

        var image = decoder.Decode(png);

        AssertNear(image, 40, 112, Blue, 0);
        AssertNear(image, 184, 112, (r, g, b), 2);
        Assert.Equal(background, image.Source.FlattenedAlphaOn);
        Assert.Equal(4, image.Source.Bands);
    }

    [Fact]
    public void Fully_transparent_pixels_take_the_background_colour()
    {
        var png = magick.Convert("clear.png", "-size", "64x64", "xc:none", "-define", "png:format=png32");

        var onWhite = _decoder.Decode(png);
        var onBlack = new VipsImageDecoder(ImageLimits.Default with { AlphaBackground = AlphaBackground.Black }).Decode(png);

        AssertNear(onWhite, 112, 112, (255, 255, 255), 0);
        AssertNear(onBlack, 112, 112, (0, 0, 0), 0);
    }
}
