using ImageToMusic.Engine.Imaging;
using static ImageToMusic.Engine.Tests.Imaging.Pixels;

namespace ImageToMusic.Engine.Tests.Imaging;

/// <summary>Real files through the real libvips: every format, orientation and colour layout ends as 224×224 sRGB.</summary>
public sealed class VipsImageDecoderFormatTests
{
    private readonly VipsImageDecoder _decoder = new(ImageLimits.Default);

    // A 400×100 picture, left half red, right half blue: squashed (not cropped) to 224×224, the halves stay halves.
    private static NetVips.Image RedLeftBlueRight() => TestImages.Join(TestImages.Solid(200, 100, 255, 0, 0), TestImages.Solid(200, 100, 0, 0, 255));

    // libvips' GIF writer always declares a transparent palette index, so its GIFs load as RGBA and are flattened.
    [Theory]
    [InlineData("jpg", "jpeg", 8, 3)]
    [InlineData("png", "png", 0, 3)]
    [InlineData("webp", "webp", 12, 3)]
    [InlineData("gif", "gif", 0, 4)]
    [InlineData("tif", "tiff", 0, 3)]
    [InlineData("avif", "avif", 12, 3)]
    public void Every_format_decodes_to_the_whole_picture_squashed_to_224(string suffix, string format, int tolerance, int bands)
    {
        var image = _decoder.Decode(TestImages.Encode(RedLeftBlueRight(), suffix, quality: 92));

        Assert.Equal(DecodedImage.Size * DecodedImage.Size * 3, image.Rgb.Length);
        AssertNear(image, 8, 8, Red, tolerance);
        AssertNear(image, 100, 112, Red, tolerance);
        AssertNear(image, 124, 112, Blue, tolerance);
        AssertNear(image, 215, 215, Blue, tolerance);
        Assert.Equal(new SourceImageInfo(format, 400, 100, bands, "srgb", 1, 1, bands == 4 ? AlphaBackground.White : null), image.Source);
    }

    [Fact]
    public void Heic_decodes_or_is_refused_as_unsupported_when_this_libvips_has_no_HEVC_decoder()
    {
        // libvips cannot write HEIC (no HEVC encoder in its build); see Fixtures/README.md for how this file was made.
        var heic = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Imaging", "Fixtures", "halves.heic"));

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
        var gif = TestImages.AnimatedGif(64, 48, [255, 0, 0], [0, 255, 0], [0, 0, 255]);

        var image = _decoder.Decode(gif);

        AssertNear(image, 112, 112, Red, 0);
        Assert.Equal(new SourceImageInfo("gif", 64, 48, 4, "srgb", 3, 1, AlphaBackground.White), image.Source);
    }

    [Theory]
    // Stored picture: 200×100 (or 20× that, decoded at 1/8 by libjpeg), top half red, bottom half blue.
    // Orientation says how to turn it upright.
    [InlineData(1, 200, 100, "red above blue")]
    [InlineData(3, 200, 100, "blue above red")]   // rotate 180°
    [InlineData(6, 100, 200, "blue left of red")] // rotate 90° clockwise: the stored top becomes the right side
    [InlineData(8, 100, 200, "red left of blue")] // rotate 90° anticlockwise: the stored top becomes the left side
    [InlineData(6, 2000, 4000, "blue left of red", 20)]
    [InlineData(8, 2000, 4000, "red left of blue", 20)]
    public void Exif_orientation_turns_the_picture_upright(ushort orientation, int width, int height, string expected, int scale = 1)
    {
        var stored = TestImages.Join(TestImages.Solid(200 * scale, 50 * scale, 255, 0, 0), TestImages.Solid(200 * scale, 50 * scale, 0, 0, 255), horizontal: false);

        var image = _decoder.Decode(TestImages.JpegWithOrientation(stored, orientation));

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

    [Fact]
    public void A_large_jpeg_decoded_at_an_eighth_matches_what_thumbnail_makes_of_it()
    {
        // Shrink 4000×3000 → 224² is 13.4: libjpeg decodes at 1/8 here, where thumbnail alone would decode at 1/4.
        var jpeg = TestImages.TexturedJpeg(4000, 3000);
        using var reference = NetVips.Image.ThumbnailBuffer(jpeg, DecodedImage.Size, height: DecodedImage.Size, size: NetVips.Enums.Size.Force);
        var expected = reference.WriteToMemory<byte>();

        var image = _decoder.Decode(jpeg);

        var meanDifference = image.Rgb.Zip(expected, (a, b) => Math.Abs(a - b)).Average();
        Assert.InRange(meanDifference, 0, 2.0);
        Assert.Equal((4000, 3000), (image.Source.Width, image.Source.Height));
    }

    [Theory]
    [InlineData("png", 8, "b-w")]
    [InlineData("png", 16, "grey16")]
    [InlineData("jpg", 8, "b-w")]
    public void Grayscale_becomes_three_equal_bands(string suffix, int bits, string interpretation)
    {
        var gray = TestImages.Encode(bits == 16 ? TestImages.SixteenBit(TestImages.Solid(64, 64, 128)) : TestImages.Solid(64, 64, 128), suffix);

        var image = _decoder.Decode(gray);

        AssertNear(image, 112, 112, (128, 128, 128), 2);
        var (r, g, b) = At(image, 30, 200);
        Assert.True(r == g && g == b, $"grey should stay grey, got {(r, g, b)}");
        Assert.Equal((1, interpretation), (image.Source.Bands, image.Source.Interpretation));
    }

    [Fact]
    public void Sixteen_bit_png_becomes_eight_bit()
    {
        var deep = TestImages.Png(TestImages.SixteenBit(TestImages.Solid(64, 64, 200, 100, 50)));

        var image = _decoder.Decode(deep);

        AssertNear(image, 112, 112, (200, 100, 50), 1);
        Assert.Equal(("rgb16", 3), (image.Source.Interpretation, image.Source.Bands));
    }

    [Fact]
    public void Cmyk_jpeg_without_a_profile_converts_through_the_fallback_profile()
    {
        // Red through libvips' CMYK profile, saved without that profile: the decoder must fall back to one of its own.
        var cmyk = TestImages.AsCmyk(TestImages.Solid(64, 64, 255, 0, 0)).JpegsaveBuffer(q: 95, keep: NetVips.Enums.ForeignKeep.None);

        var image = _decoder.Decode(cmyk);

        var (r, g, b) = At(image, 112, 112);
        Assert.True(r > 200 && g < 80 && b < 80, $"M+Y should print red, got {(r, g, b)}");
        Assert.Equal(("cmyk", 4), (image.Source.Interpretation, image.Source.Bands));
    }

    [Fact]
    public void Cmyk_jpeg_with_an_embedded_profile_converts_through_that_profile()
    {
        var cmyk = TestImages.AsCmyk(TestImages.Solid(64, 64, 255, 0, 0)).JpegsaveBuffer(q: 95, keep: NetVips.Enums.ForeignKeep.None);
        // L*46 a*-52 b*50 is sRGB (0,128,0): only a decoder that used this profile can see green here.
        var profile = HandMadeBytes.CmykProfileMappingEverythingTo(46.2, -51.7, 49.9);

        var image = _decoder.Decode(HandMadeBytes.WithIccProfile(cmyk, profile));

        AssertNear(image, 112, 112, (0, 128, 0), 12);
    }

    [Theory]
    [InlineData(AlphaBackground.White, 8, 255, 127, 127)]
    [InlineData(AlphaBackground.Black, 8, 128, 0, 0)]
    [InlineData(AlphaBackground.White, 16, 255, 127, 127)]
    [InlineData(AlphaBackground.Black, 16, 128, 0, 0)]
    public void Alpha_is_flattened_onto_the_configured_background(AlphaBackground background, int bits, int r, int g, int b)
    {
        // Left: opaque blue. Right: half-transparent red. Alpha 50% of 255 is stored as 128.
        var halves = TestImages.Join(TestImages.Solid(32, 64, 0, 0, 255, 255), TestImages.Solid(32, 64, 255, 0, 0, 128));
        var png = TestImages.Png(bits == 16 ? TestImages.SixteenBit(halves) : halves);
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
        var png = TestImages.Png(TestImages.Solid(64, 64, 0, 0, 0, 0));

        var onWhite = _decoder.Decode(png);
        var onBlack = new VipsImageDecoder(ImageLimits.Default with { AlphaBackground = AlphaBackground.Black }).Decode(png);

        AssertNear(onWhite, 112, 112, (255, 255, 255), 0);
        AssertNear(onBlack, 112, 112, (0, 0, 0), 0);
    }

    [Fact]
    public void The_packaged_libvips_names_the_photo_formats_it_reads() =>
        Assert.Equal(["JPEG", "PNG", "WebP", "GIF", "TIFF", "HEIF/AVIF"], VipsImageDecoder.SupportedFormats);
}
