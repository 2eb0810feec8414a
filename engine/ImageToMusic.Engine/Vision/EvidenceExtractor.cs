using ImageToMusic.Engine.Imaging;

namespace ImageToMusic.Engine.Vision;

/// <summary>The evidence users see, and the same measurements as a feature vector for the mood model.</summary>
public sealed record VisualMeasurements(VisualEvidence Evidence, float[] ColourFeatures);

/// <summary>
/// Measures colour, light and texture on the decoded 224×224 image. Deterministic and allocation-light:
/// it runs on every analysis next to the network, so it must stay a few milliseconds.
/// </summary>
public static class EvidenceExtractor
{
    private const int Side = DecodedImage.Size;
    private const int Pixels = Side * Side;
    private const int HueBins = 12, LightnessBins = 8, SaturationBins = 4;

    /// <summary>Names of <see cref="VisualMeasurements.ColourFeatures"/>, in order (for model cards and debugging).</summary>
    public static IReadOnlyList<string> ColourFeatureNames { get; } =
    [
        "mean_L", "mean_a", "mean_b", "std_L", "std_a", "std_b",
        "brightness", "saturation", "warmth", "contrast", "colourfulness", "edge_density",
        .. Enumerable.Range(0, HueBins).Select(i => $"hue_{i * 30}"),
        .. Enumerable.Range(0, LightnessBins).Select(i => $"lightness_{i}"),
        .. Enumerable.Range(0, SaturationBins).Select(i => $"saturation_{i}"),
        "top_third_L", "bottom_third_L", "centre_minus_border_L",
    ];

    public static VisualMeasurements Measure(DecodedImage image)
    {
        var rgb = image.Rgb;
        var lab = new float[Pixels * 3];
        var luma = new float[Pixels];
        var hue = new float[HueBins];
        var lightness = new float[LightnessBins];
        var saturation = new float[SaturationBins];
        double sumL = 0, sumA = 0, sumB = 0, sumL2 = 0, sumA2 = 0, sumB2 = 0, sumS = 0, warmNum = 0, warmDen = 0;
        double sumRg = 0, sumYb = 0, sumRg2 = 0, sumYb2 = 0, topL = 0, bottomL = 0, centreL = 0, borderL = 0;
        int topCount = 0, bottomCount = 0, centreCount = 0, borderCount = 0;

        for (var p = 0; p < Pixels; p++)
        {
            byte r = rgb[3 * p], g = rgb[3 * p + 1], b = rgb[3 * p + 2];
            var (l, a, bb) = Colour.ToLab(r, g, b);
            lab[3 * p] = l; lab[3 * p + 1] = a; lab[3 * p + 2] = bb;
            luma[p] = l / 100f;
            sumL += l; sumA += a; sumB += bb; sumL2 += l * l; sumA2 += a * a; sumB2 += bb * bb;

            var (h, s, v) = Colour.ToHsv(r, g, b);
            sumS += s;
            hue[(int)(h / 30f) % HueBins] += s * v;
            lightness[Math.Min((int)(l / 100f * LightnessBins), LightnessBins - 1)]++;
            saturation[Math.Min((int)(s * SaturationBins), SaturationBins - 1)]++;
            warmNum += s * (r - b) / 255.0;
            warmDen += s;

            double rg = r - g, yb = 0.5 * (r + g) - b;
            sumRg += rg; sumYb += yb; sumRg2 += rg * rg; sumYb2 += yb * yb;

            int y = p / Side, x = p % Side;
            if (y < Side / 3) { topL += l; topCount++; }
            else if (y >= 2 * Side / 3) { bottomL += l; bottomCount++; }
            if (x >= Side / 4 && x < 3 * Side / 4 && y >= Side / 4 && y < 3 * Side / 4) { centreL += l; centreCount++; }
            else { borderL += l; borderCount++; }
        }

        double n = Pixels;
        var meanL = sumL / n;
        var stdL = Std(sumL, sumL2, n);
        var brightness = meanL / 100;
        var meanSaturation = sumS / n;
        var warmth = warmDen > 1e-9 ? warmNum / warmDen * Math.Min(1, warmDen / n * 4) : 0;
        var contrast = stdL / 100;
        var colourfulness = Math.Sqrt(Variance(sumRg, sumRg2, n) + Variance(sumYb, sumYb2, n))
                            + 0.3 * Math.Sqrt(Math.Pow(sumRg / n, 2) + Math.Pow(sumYb / n, 2));
        var edgeDensity = EdgeDensity(luma);

        var evidence = new VisualEvidence(
            Palette(lab, rgb), brightness, meanSaturation, warmth, contrast, colourfulness, edgeDensity);

        var features = new List<float>(ColourFeatureNames.Count)
        {
            (float)(meanL / 100), (float)(sumA / n / 100), (float)(sumB / n / 100),
            (float)(stdL / 100), (float)(Std(sumA, sumA2, n) / 100), (float)(Std(sumB, sumB2, n) / 100),
            (float)brightness, (float)meanSaturation, (float)warmth, (float)contrast,
            (float)(colourfulness / 100), (float)edgeDensity,
        };
        features.AddRange(hue.Select(v => v / Pixels));
        features.AddRange(lightness.Select(v => v / Pixels));
        features.AddRange(saturation.Select(v => v / Pixels));
        features.Add((float)(topL / topCount / 100));
        features.Add((float)(bottomL / bottomCount / 100));
        features.Add((float)((centreL / centreCount - borderL / borderCount) / 100));
        return new VisualMeasurements(evidence, [.. features]);
    }

    private static double Variance(double sum, double sumSquares, double n) => Math.Max(0, sumSquares / n - sum / n * (sum / n));
    private static double Std(double sum, double sumSquares, double n) => Math.Sqrt(Variance(sum, sumSquares, n));

    /// <summary>Share of pixels whose Sobel gradient of L*/100 exceeds a strong-edge threshold.</summary>
    private static double EdgeDensity(float[] luma)
    {
        const float threshold = 0.5f; // |∇| in L*/100 units per Sobel kernel: a clear object boundary, not sensor noise
        var strong = 0;
        for (var y = 1; y < Side - 1; y++)
            for (var x = 1; x < Side - 1; x++)
            {
                int i = y * Side + x;
                float gx = luma[i - Side + 1] + 2 * luma[i + 1] + luma[i + Side + 1] - luma[i - Side - 1] - 2 * luma[i - 1] - luma[i + Side - 1];
                float gy = luma[i + Side - 1] + 2 * luma[i + Side] + luma[i + Side + 1] - luma[i - Side - 1] - 2 * luma[i - Side] - luma[i - Side + 1];
                if (gx * gx + gy * gy > threshold * threshold) strong++;
            }
        return strong / (double)((Side - 2) * (Side - 2));
    }

    /// <summary>
    /// Five dominant colours by k-means in L*a*b* (perceptually even distances) on every other pixel,
    /// seeded from the fullest coarse RGB bins so the result is deterministic.
    /// </summary>
    private static IReadOnlyList<PaletteColour> Palette(float[] lab, byte[] rgb)
    {
        const int k = 5, iterations = 10, stride = 2;
        var samples = new List<int>(Pixels / (stride * stride));
        for (var y = 0; y < Side; y += stride)
            for (var x = 0; x < Side; x += stride)
                samples.Add(y * Side + x);

        var centres = Seeds(lab, rgb, samples, k);
        var assignment = new int[samples.Count];
        var counts = new int[centres.Count];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var sums = new double[centres.Count * 3];
            Array.Clear(counts);
            for (var s = 0; s < samples.Count; s++)
            {
                var p = samples[s];
                var best = Nearest(centres, lab[3 * p], lab[3 * p + 1], lab[3 * p + 2]);
                assignment[s] = best;
                counts[best]++;
                sums[3 * best] += lab[3 * p]; sums[3 * best + 1] += lab[3 * p + 1]; sums[3 * best + 2] += lab[3 * p + 2];
            }
            for (var c = 0; c < centres.Count; c++)
                if (counts[c] > 0)
                    centres[c] = ((float)(sums[3 * c] / counts[c]), (float)(sums[3 * c + 1] / counts[c]), (float)(sums[3 * c + 2] / counts[c]));
        }

        return centres
            .Select((centre, c) => (centre, share: counts[c] / (double)samples.Count))
            .Where(x => x.share >= 0.01)
            .OrderByDescending(x => x.share)
            .Select(x =>
            {
                var (r, g, b) = Colour.FromLab(x.centre.L, x.centre.A, x.centre.B);
                return new PaletteColour(Colour.Hex(r, g, b), Colour.Name(r, g, b), Math.Round(x.share, 3));
            })
            .ToList();
    }

    private static List<(float L, float A, float B)> Seeds(float[] lab, byte[] rgb, List<int> samples, int k)
    {
        // 4×4×4 RGB bins: the fullest bins, skipping any too close to one already chosen (ΔE < 12).
        var binCount = new int[64];
        var binSum = new double[64 * 3];
        foreach (var p in samples)
        {
            var bin = (rgb[3 * p] >> 6) * 16 + (rgb[3 * p + 1] >> 6) * 4 + (rgb[3 * p + 2] >> 6);
            binCount[bin]++;
            binSum[3 * bin] += lab[3 * p]; binSum[3 * bin + 1] += lab[3 * p + 1]; binSum[3 * bin + 2] += lab[3 * p + 2];
        }
        var seeds = new List<(float L, float A, float B)>(k);
        foreach (var bin in Enumerable.Range(0, 64).Where(b => binCount[b] > 0).OrderByDescending(b => binCount[b]).ThenBy(b => b))
        {
            var c = ((float)(binSum[3 * bin] / binCount[bin]), (float)(binSum[3 * bin + 1] / binCount[bin]), (float)(binSum[3 * bin + 2] / binCount[bin]));
            if (seeds.All(s => Distance2(s, c) >= 144f)) seeds.Add(c);
            if (seeds.Count == k) break;
        }
        return seeds;
    }

    private static int Nearest(List<(float L, float A, float B)> centres, float l, float a, float b)
    {
        int best = 0;
        var bestDistance = float.MaxValue;
        for (var c = 0; c < centres.Count; c++)
        {
            var d = Distance2(centres[c], (l, a, b));
            if (d < bestDistance) { bestDistance = d; best = c; }
        }
        return best;
    }

    private static float Distance2((float L, float A, float B) x, (float L, float A, float B) y) =>
        (x.L - y.L) * (x.L - y.L) + (x.A - y.A) * (x.A - y.A) + (x.B - y.B) * (x.B - y.B);
}
