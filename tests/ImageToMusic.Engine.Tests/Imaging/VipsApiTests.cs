using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Imaging.Vips;

namespace ImageToMusic.Engine.Tests.Imaging;

/// <summary>The binding's enum constants mean what the loaded libvips says they mean.</summary>
public sealed class VipsApiTests
{
    [Theory]
    [InlineData("vips_size_get_type", VipsApi.SizeForce, "force")]
    [InlineData("vips_size_get_type", VipsApi.SizeDown, "down")]
    [InlineData("vips_interpretation_get_type", VipsApi.InterpretationSrgb, "srgb")]
    [InlineData("vips_band_format_get_type", VipsApi.FormatUchar, "uchar")]
    public void Enum_constants_match_the_library(string getType, int value, string nick) =>
        Assert.Equal(nick, VipsProbe.EnumNick(getType, value));

    [Fact]
    public void The_bundled_build_names_the_photo_formats_it_reads() =>
        Assert.Equal(["JPEG", "PNG", "WebP", "GIF", "TIFF", "HEIF/AVIF"], VipsImageDecoder.SupportedFormats);
}
