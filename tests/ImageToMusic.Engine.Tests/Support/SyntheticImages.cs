using ImageToMusic.Engine.Imaging;

namespace ImageToMusic.Engine.Tests;

/// <summary>Decoded images painted pixel by pixel, so evidence can be checked against known answers.</summary>
public static class SyntheticImages
{
    private static readonly SourceImageInfo Source = new("synthetic", DecodedImage.Size, DecodedImage.Size, 3, "srgb", 1, 1, null);

    public static DecodedImage Paint(Func<int, int, (byte R, byte G, byte B)> colourAt)
    {
        var rgb = new byte[DecodedImage.Size * DecodedImage.Size * 3];
        for (var y = 0; y < DecodedImage.Size; y++)
            for (var x = 0; x < DecodedImage.Size; x++)
            {
                var (r, g, b) = colourAt(x, y);
                var i = 3 * (y * DecodedImage.Size + x);
                rgb[i] = r; rgb[i + 1] = g; rgb[i + 2] = b;
            }
        return new DecodedImage(rgb, Source);
    }

    public static DecodedImage Solid(byte r, byte g, byte b) => Paint((_, _) => (r, g, b));
}
