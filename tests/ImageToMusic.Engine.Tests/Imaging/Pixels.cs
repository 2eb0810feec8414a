using ImageToMusic.Engine.Imaging;

namespace ImageToMusic.Engine.Tests.Imaging;

internal static class Pixels
{
    public static (int R, int G, int B) At(DecodedImage image, int x, int y)
    {
        var i = (y * DecodedImage.Size + x) * 3;
        return (image.Rgb[i], image.Rgb[i + 1], image.Rgb[i + 2]);
    }

    /// <summary>Asserts the pixel at (x, y) is within <paramref name="tolerance"/> of the colour on every channel.</summary>
    public static void AssertNear(DecodedImage image, int x, int y, (int R, int G, int B) expected, int tolerance)
    {
        var actual = At(image, x, y);
        var close = Math.Abs(actual.R - expected.R) <= tolerance
                    && Math.Abs(actual.G - expected.G) <= tolerance
                    && Math.Abs(actual.B - expected.B) <= tolerance;
        Assert.True(close, $"pixel ({x},{y}) is {actual}, expected {expected} ± {tolerance}");
    }

    public static readonly (int, int, int) Red = (255, 0, 0);
    public static readonly (int, int, int) Blue = (0, 0, 255);
}
