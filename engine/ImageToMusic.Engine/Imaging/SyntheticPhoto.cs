using NetVips;

namespace ImageToMusic.Engine.Imaging;

/// <summary>
/// Photo-like pictures made by libvips from a seed: smooth Perlin structure per band plus a camera's fine grain
/// (σ 4.5 levels), so a JPEG of one costs a decoder what a camera photo does: at 4000×3000 and quality 90 it is
/// 3.3 MB, a typical 12-megapixel photo's size. The same seed gives the same pixels on every machine; for benchmarks and
/// test fixtures.
/// </summary>
public static class SyntheticPhoto
{
    /// <summary>An 8-bit sRGB picture; the caller disposes it.</summary>
    public static Image Create(int width, int height, int seed = 7)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        Libvips.EnsureConfigured();
        var bands = Enumerable.Range(0, 3).Select(band =>
            Image.Perlin(width, height, cellSize: 64 + 32 * band, seed: seed + band) * 100 + 128
            + Image.Gaussnoise(width, height, mean: 0, sigma: 4.5, seed: seed + 10 + band)).ToArray();
        return bands[0].Bandjoin(bands[1..]).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
    }

    /// <summary>The picture as a JPEG of the given quality.</summary>
    public static byte[] Jpeg(int width, int height, int seed = 7, int quality = 90)
    {
        using var image = Create(width, height, seed);
        return image.JpegsaveBuffer(q: quality);
    }
}
