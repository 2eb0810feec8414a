using ImageToMusic.Engine.Vision;

namespace ImageToMusic.Engine.Tests.Vision;

public sealed class AreaResamplerTests
{
    private static byte[] Interleaved(int side, Func<int, int, int, byte> sample)
    {
        var rgb = new byte[3 * side * side];
        for (var y = 0; y < side; y++)
            for (var x = 0; x < side; x++)
                for (var c = 0; c < 3; c++)
                    rgb[3 * (y * side + x) + c] = sample(x, y, c);
        return rgb;
    }

    [Fact]
    public void At_the_same_size_it_only_splits_the_bands_into_planes()
    {
        var rgb = Interleaved(5, (x, y, c) => (byte)(50 * c + 7 * y + x));
        var planar = new float[3 * 25];

        new AreaResampler(5, 5).Resample(rgb, planar);

        for (var c = 0; c < 3; c++)
            for (var p = 0; p < 25; p++)
                Assert.Equal(rgb[3 * p + c], planar[c * 25 + p]);
    }

    [Fact]
    public void Halving_averages_each_two_by_two_block()
    {
        // A checkerboard of 0 and 200 in red, a ramp in green: each 2×2 block of red averages 100.
        var rgb = Interleaved(4, (x, y, c) => c switch { 0 => (byte)((x + y) % 2 * 200), 1 => (byte)(10 * x), _ => 9 });
        var planar = new float[3 * 4];

        new AreaResampler(4, 2).Resample(rgb, planar);

        Assert.All(planar[..4], red => Assert.Equal(100f, red, 3));
        Assert.Equal([5f, 25f, 5f, 25f], planar[4..8].Select(g => MathF.Round(g, 3)));
        Assert.All(planar[8..], blue => Assert.Equal(9f, blue, 3));
    }

    [Fact]
    public void A_fractional_ratio_keeps_a_flat_image_flat_and_weights_a_split_pixel_by_its_overlap()
    {
        var flat = Interleaved(224, (_, _, c) => (byte)(60 + c));
        var planar = new float[3 * 160 * 160];

        new AreaResampler(224, 160).Resample(flat, planar);

        Assert.All(planar[..(160 * 160)], r => Assert.Equal(60f, r, 3));

        // 3 → 2: the first target column covers source column 0 whole and half of column 1 (0 here).
        var row = Interleaved(3, (x, _, _) => x == 0 ? (byte)90 : (byte)0);
        var small = new float[3 * 4];
        new AreaResampler(3, 2).Resample(row, small);
        Assert.Equal(90f / 1.5f, small[0], 3);
    }

    [Fact]
    public void It_refuses_to_enlarge_or_to_read_the_wrong_number_of_bytes()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AreaResampler(160, 224));
        Assert.Throws<ArgumentException>(() => new AreaResampler(4, 2).Resample(new byte[10], new float[12]));
    }
}
