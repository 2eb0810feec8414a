using ImageToMusic.Engine.Imaging;

namespace ImageToMusic.Engine.Tests.Imaging;

/// <summary>
/// libvips' own words reach the message. Its error buffer is shared by the whole process, so a decode
/// running beside this one could clear it: these run alone.
/// </summary>
[Collection(LibvipsProcessState.Name)]
public sealed class VipsImageDecoderNativeErrorTests
{
    private readonly VipsImageDecoder _decoder = new(ImageLimits.Default);

    [Theory]
    [InlineData("cut.jpg", "(libvips: VipsJpeg: premature end of JPEG image)")]
    [InlineData("cut.png", "(libvips: vipspng: libpng read error)")]
    public void A_truncated_file_says_what_libvips_saw(string file, string libvipsWords)
    {
        var whole = TestImages.Encode(TestImages.Textured(640, 480), Path.GetExtension(file)[1..]);

        var rejected = Assert.Throws<ImageRejectedException>(() => _decoder.Decode(whole[..(whole.Length / 2)]));

        Assert.EndsWith(libvipsWords, rejected.Message);
    }

    [Fact]
    public void An_unreadable_header_says_what_libvips_saw()
    {
        var jpeg = TestImages.Jpeg(TestImages.Solid(64, 64, 255, 0, 0));

        var rejected = Assert.Throws<ImageRejectedException>(() => _decoder.Decode(jpeg[..100]));

        Assert.Equal(ImageErrorKind.Corrupt, rejected.Kind);
        Assert.Equal("The image's header cannot be read; the file is damaged or incomplete. " +
                     "(libvips: VipsJpeg: premature end of JPEG image)", rejected.Message);
    }

    [Fact]
    public void Without_words_from_libvips_the_message_stands_alone()
    {
        // libvips' PNG loader only logs a warning when the header is cut short.
        var png = TestImages.Png(TestImages.Solid(64, 64, 255, 0, 0));

        var rejected = Assert.Throws<ImageRejectedException>(() => _decoder.Decode(png[..20]));

        Assert.Equal("The image's header cannot be read; the file is damaged or incomplete.", rejected.Message);
    }
}
