using System.Diagnostics;
using System.Text;
using ImageToMusic.Engine.Imaging;

namespace ImageToMusic.Engine.Tests.Imaging;

/// <summary>Every bad input ends as one typed rejection with a message a user can act on.</summary>
public sealed class VipsImageDecoderRejectionTests
{
    private readonly VipsImageDecoder _decoder = new(ImageLimits.Default);

    private static ImageRejectedException Rejected(VipsImageDecoder decoder, byte[] encoded, ImageErrorKind kind)
    {
        var rejected = Assert.Throws<ImageRejectedException>(() => decoder.Decode(encoded));
        Assert.Equal(kind, rejected.Kind);
        return rejected;
    }

    [Fact]
    public void Empty_input_is_empty()
    {
        var rejected = Rejected(_decoder, [], ImageErrorKind.Empty);
        Assert.Equal("empty", rejected.Code);
    }

    [Fact]
    public void Random_bytes_are_an_unsupported_format_and_the_message_lists_what_is_supported()
    {
        var noise = new byte[4096];
        new Random(20240601).NextBytes(noise);

        var rejected = Rejected(_decoder, noise, ImageErrorKind.UnsupportedFormat);

        Assert.Equal("unsupported_format", rejected.Code);
        Assert.Contains("JPEG, PNG, WebP, GIF, TIFF, HEIF/AVIF", rejected.Message);
    }

    [Fact]
    public void A_text_file_is_an_unsupported_format() =>
        Rejected(_decoder, Encoding.UTF8.GetBytes("name,valence\nbeach.jpg,0.8\n"), ImageErrorKind.UnsupportedFormat);

    [Fact]
    public void Svg_is_refused_because_untrusted_loaders_are_blocked() =>
        Rejected(_decoder, Encoding.UTF8.GetBytes(
            """<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="red"/></svg>"""),
            ImageErrorKind.UnsupportedFormat);

    [Theory]
    [InlineData("cut.jpg", "JPEG")]
    [InlineData("cut.png", "PNG")]
    public void A_truncated_file_is_corrupt(string file, string format)
    {
        var whole = TestImages.Encode(TestImages.Textured(640, 480), Path.GetExtension(file)[1..]);

        var rejected = Rejected(_decoder, whole[..(whole.Length / 2)], ImageErrorKind.Corrupt);

        Assert.Equal("corrupt", rejected.Code);
        Assert.Contains($"This {format} file is damaged or incomplete", rejected.Message);
    }

    // fail_on=truncated is the lowest level that refuses the truncated files above; these quirks are
    // what a stricter level would also refuse ('warning' the first, 'error' the second).
    [Fact]
    public void A_jpeg_whose_data_makes_libjpeg_warn_still_decodes()
    {
        var whole = TestImages.TexturedJpeg(640, 480);

        var intact = _decoder.Decode(whole);
        var warned = _decoder.Decode(HandMadeBytes.WithStrayMarkerInScan(whole));

        Assert.Equal(intact.Rgb.AsSpan(0, 224 * 3 * 40).ToArray(), warned.Rgb.AsSpan(0, 224 * 3 * 40).ToArray()); // damage is further down
    }

    [Fact]
    public void A_png_with_a_bad_checksum_over_intact_data_still_decodes()
    {
        var whole = TestImages.TexturedPng(320, 240);

        var intact = _decoder.Decode(whole);
        var damaged = _decoder.Decode(HandMadeBytes.WithBadImageDataChecksum(whole));

        Assert.Equal(intact.Rgb, damaged.Rgb);
    }

    [Fact]
    public void A_file_cut_inside_its_header_is_corrupt()
    {
        var whole = TestImages.Png(TestImages.Solid(64, 64, 255, 0, 0));

        Rejected(_decoder, whole[..20], ImageErrorKind.Corrupt);
    }

    [Fact]
    public void A_file_over_the_byte_limit_is_too_large_and_the_message_gives_size_and_limit()
    {
        var png = TestImages.TexturedPng(64, 64);
        var decoder = new VipsImageDecoder(ImageLimits.Default with { MaxBytes = 1_000 });

        var rejected = Rejected(decoder, png, ImageErrorKind.TooLarge);

        Assert.Equal("too_large", rejected.Code);
        Assert.Contains($"{png.Length:N0} bytes", rejected.Message);
        Assert.Contains("1,000 bytes", rejected.Message);
    }

    [Fact]
    public void Over_the_default_byte_limit_the_message_speaks_in_megabytes_before_looking_at_the_bytes()
    {
        var rejected = Rejected(_decoder, new byte[21 << 20], ImageErrorKind.TooLarge);

        Assert.Equal("The file is 21 MB (22,020,096 bytes); the limit is 20 MB (20,971,520 bytes).", rejected.Message);
    }

    [Fact]
    public void A_picture_over_the_pixel_limit_is_too_large_and_the_message_gives_its_dimensions()
    {
        var png = TestImages.Png(TestImages.Solid(80, 50, 255, 0, 0));
        var decoder = new VipsImageDecoder(ImageLimits.Default with { MaxPixels = 3_999 });

        var rejected = Rejected(decoder, png, ImageErrorKind.TooLarge);

        Assert.Contains("80×50", rejected.Message);
    }

    [Fact]
    public void A_picture_exactly_at_the_pixel_limit_decodes()
    {
        var png = TestImages.Png(TestImages.Solid(80, 50, 255, 0, 0));

        var image = new VipsImageDecoder(ImageLimits.Default with { MaxPixels = 4_000 }).Decode(png);

        Assert.Equal((80, 50), (image.Source.Width, image.Source.Height));
    }

    [Fact]
    public void A_decompression_bomb_is_refused_from_its_header()
    {
        // 60000×60000 RGB would be 10.8 GB of pixels; the file is a few dozen bytes, all header, so the
        // size in the message can only have come from the header (speed is for benchmarks, not tests).
        var bomb = ForgedImages.PngClaiming(60_000, 60_000);

        var rejected = Rejected(_decoder, bomb, ImageErrorKind.TooLarge);

        Assert.Contains("60,000×60,000", rejected.Message);
        Assert.Contains("3600 megapixels", rejected.Message);
        Assert.True(bomb.Length < 200);
    }

    [Fact]
    public void The_red_team_tiff_declaring_a_million_pixels_in_tiles_it_cannot_index_is_refused_from_its_header()
    {
        // Decoded, this 134-byte file cost 255 s of CPU here: libtiff fails each of its 62,500 tiles, again for every output row.
        var bomb = ForgedImages.TiledTiffClaiming(1_000_000, 1, tile: 16);

        var rejected = Rejected(_decoder, bomb, ImageErrorKind.Corrupt);

        Assert.Contains("declares 62,500 tiles of 16×16 pixels", rejected.Message);
        Assert.True(bomb.Length < 200);
    }

    [Fact]
    public void A_well_formed_tiff_in_too_many_small_tiles_is_too_large_before_decoding()
    {
        // 4000×64 in 16×16 tiles: 250 across × 224 output rows = 56,000 tile reads, over the 50,000 allowed.
        var tiff = TestImages.Textured(4000, 64).TiffsaveBuffer(tile: true, tileWidth: 16, tileHeight: 16);

        var rejected = Rejected(_decoder, tiff, ImageErrorKind.TooLarge);

        Assert.Contains("1,000 tiles of 16×16 pixels", rejected.Message);
        // The usual layout, 256×256 tiles, is far inside the guard: 16 across × 224 rows = 3,584 reads.
        var usual = TestImages.Textured(4000, 3000).TiffsaveBuffer(tile: true, tileWidth: 256, tileHeight: 256, compression: NetVips.Enums.ForeignTiffCompression.Jpeg);
        Assert.Equal((4000, 3000), (_decoder.Decode(usual).Source.Width, _decoder.Decode(usual).Source.Height));
    }

    [Fact]
    public void A_decode_running_past_the_deadline_is_stopped_and_is_too_large()
    {
        // 30 megapixels in 16×16 JPEG-compressed tiles take seconds to read; with the tile guard lifted, only the deadline stops it.
        var tiff = TestImages.Textured(6000, 5000).TiffsaveBuffer(tile: true, tileWidth: 16, tileHeight: 16, compression: NetVips.Enums.ForeignTiffCompression.Jpeg);
        var decoder = new VipsImageDecoder(ImageLimits.Default with { MaxTileReads = long.MaxValue, DecodeDeadline = TimeSpan.FromMilliseconds(100) });

        var rejected = Rejected(decoder, tiff, ImageErrorKind.TooLarge);

        Assert.Contains("took longer than 0.1 s, the limit for one photo, and was stopped", rejected.Message);
        // The decoder is still fit for the next photo.
        Assert.Equal(3 * DecodedImage.Size * DecodedImage.Size, decoder.Decode(TestImages.TexturedJpeg(640, 480)).Rgb.Length);
    }

    [Fact]
    public void A_tiff_libtiff_will_not_open_is_too_large_when_its_header_declares_too_many_pixels()
    {
        // libtiff refuses to allocate tile tables for 60,000×60,000 in 16×16 tiles; the dimensions come from the header.
        var rejected = Rejected(_decoder, ForgedImages.TiledTiffClaiming(60_000, 60_000, tile: 16), ImageErrorKind.TooLarge);

        Assert.Contains("60,000×60,000", rejected.Message);
    }
}
