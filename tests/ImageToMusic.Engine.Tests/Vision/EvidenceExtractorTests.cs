using ImageToMusic.Engine.Vision;

namespace ImageToMusic.Engine.Tests.Vision;

public class EvidenceExtractorTests
{
    [Fact]
    public void Solid_grey_has_one_colour_no_saturation_no_warmth_no_edges()
    {
        var evidence = EvidenceExtractor.Measure(SyntheticImages.Solid(128, 128, 128)).Evidence;

        var only = Assert.Single(evidence.Palette);
        Assert.Equal("#808080", only.Hex);
        Assert.Equal("grey", only.Name);
        Assert.Equal(1.0, only.Share);
        Assert.Equal(0.536, evidence.Brightness, 0.005); // L* of sRGB 128 is 53.6
        Assert.Equal(0, evidence.Saturation);
        Assert.Equal(0, evidence.Warmth);
        Assert.Equal(0, evidence.Contrast, 1e-6);
        Assert.Equal(0, evidence.Colourfulness, 1e-6);
        Assert.Equal(0, evidence.EdgeDensity);
    }

    [Fact]
    public void Half_black_half_white_splits_the_palette_and_has_high_contrast()
    {
        var image = SyntheticImages.Paint((x, _) => x < 112 ? ((byte)0, (byte)0, (byte)0) : ((byte)255, (byte)255, (byte)255));
        var evidence = EvidenceExtractor.Measure(image).Evidence;

        Assert.Equal(["black", "white"], evidence.Palette.Select(c => c.Name).Order());
        Assert.All(evidence.Palette, c => Assert.Equal(0.5, c.Share, 0.01));
        Assert.Equal(0.5, evidence.Brightness, 0.01);
        Assert.Equal(0.5, evidence.Contrast, 0.01); // std of {0, 100} / 100
        // Only the two columns along the boundary are strong edges: 2 / 222 of the interior.
        Assert.Equal(2.0 / 222, evidence.EdgeDensity, 1e-9);
    }

    [Fact]
    public void Orange_is_warm_and_blue_is_cool()
    {
        var orange = EvidenceExtractor.Measure(SyntheticImages.Solid(255, 140, 0)).Evidence;
        var blue = EvidenceExtractor.Measure(SyntheticImages.Solid(30, 90, 230)).Evidence;

        Assert.True(orange.Warmth > 0.9, $"orange warmth {orange.Warmth}");
        Assert.True(blue.Warmth < -0.7, $"blue warmth {blue.Warmth}");
        Assert.Equal("orange", Assert.Single(orange.Palette).Name);
        Assert.Equal("blue", Assert.Single(blue.Palette).Name);
    }

    [Fact]
    public void Colourfulness_follows_Hasler_Susstrunk_on_a_known_image()
    {
        // Half pure red, half pure green: rg = ±255 (σ = 255, μ = 0); yb = 127.5 everywhere (σ = 0, μ = 127.5).
        var image = SyntheticImages.Paint((x, _) => x < 112 ? ((byte)255, (byte)0, (byte)0) : ((byte)0, (byte)255, (byte)0));
        var evidence = EvidenceExtractor.Measure(image).Evidence;

        Assert.Equal(255 + 0.3 * 127.5, evidence.Colourfulness, 1e-6);
    }

    [Fact]
    public void Fine_checkerboard_is_all_edges_and_a_flat_image_none()
    {
        var checker = SyntheticImages.Paint((x, y) => (x + y) % 2 == 0 ? ((byte)0, (byte)0, (byte)0) : ((byte)255, (byte)255, (byte)255));
        // Sobel of a 1-pixel checkerboard cancels out exactly; a 2-pixel one does not.
        var coarse = SyntheticImages.Paint((x, y) => (x / 2 + y / 2) % 2 == 0 ? ((byte)0, (byte)0, (byte)0) : ((byte)255, (byte)255, (byte)255));

        Assert.Equal(0, EvidenceExtractor.Measure(checker).Evidence.EdgeDensity);
        Assert.True(EvidenceExtractor.Measure(coarse).Evidence.EdgeDensity > 0.99);
    }

    [Fact]
    public void Palette_lists_at_most_five_colours_largest_first_and_is_deterministic()
    {
        (byte, byte, byte)[] stripes = [(200, 30, 30), (30, 200, 30), (30, 30, 200), (230, 230, 40), (240, 240, 240), (10, 10, 10)];
        var image = SyntheticImages.Paint((x, _) => stripes[Math.Min(x / 30, 5)]);

        var first = EvidenceExtractor.Measure(image);
        var second = EvidenceExtractor.Measure(image);

        Assert.InRange(first.Evidence.Palette.Count, 1, 5);
        Assert.Equal(first.Evidence.Palette.Select(c => c.Share).OrderDescending(), first.Evidence.Palette.Select(c => c.Share));
        Assert.Equal(first.Evidence.Palette, second.Evidence.Palette);
        Assert.Equal(first.ColourFeatures, second.ColourFeatures);
    }

    [Fact]
    public void Colour_feature_vector_matches_its_names_and_histograms_sum_to_one()
    {
        var measured = EvidenceExtractor.Measure(SyntheticImages.Paint((x, y) => ((byte)x, (byte)y, (byte)(x ^ y))));
        var names = EvidenceExtractor.ColourFeatureNames;

        Assert.Equal(names.Count, measured.ColourFeatures.Length);
        float Sum(string prefix) => names.Select((n, i) => (n, i)).Where(p => p.n.StartsWith(prefix)).Sum(p => measured.ColourFeatures[p.i]);
        Assert.Equal(1f, Sum("lightness_"), 1e-4f);
        Assert.Equal(1f, Sum("saturation_"), 1e-4f);
    }
}
