using System.Diagnostics;
using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Mood;
using ImageToMusic.Engine.Vision;

namespace ImageToMusic.Engine;

/// <summary>Milliseconds spent in each stage of one analysis.</summary>
public sealed record AnalysisTimings(double DecodeMs, double EvidenceMs, double BackboneMs, double HeadsMs)
{
    public double TotalMs => DecodeMs + EvidenceMs + BackboneMs + HeadsMs;
}

/// <summary>Everything measured on one image before any model head looks at it.</summary>
public sealed record ExtractedImage(ImageFeatures Features, VisualEvidence Evidence, SourceImageInfo Source, AnalysisTimings Timings);

/// <summary>
/// The first half of the corridor: encoded bytes → guard and decode → visual evidence → backbone features.
/// Shared by analysis, training and evaluation so all three see exactly the same inputs.
/// </summary>
public sealed class FeatureExtractor(IImageDecoder decoder, ResNetBackbone backbone) : IDisposable
{
    public IImageDecoder Decoder { get; } = decoder;

    /// <summary>The production pairing: libvips decoding and the ResNet18 backbone at <paramref name="backbonePath"/>.</summary>
    public static FeatureExtractor Open(string backbonePath, ImageLimits limits, int intraOpThreads = 1) =>
        new(new VipsImageDecoder(limits), new ResNetBackbone(backbonePath, intraOpThreads));

    /// <summary>Every pooled output the backbone can compute.</summary>
    public IReadOnlyList<string> BackboneOutputs => backbone.PooledOutputs;

    /// <param name="blocks">Backbone outputs to compute (all when null); the "colour" block is always added.</param>
    public ExtractedImage Extract(ReadOnlySpan<byte> encoded, IReadOnlyList<string>? blocks = null)
    {
        var clock = Stopwatch.StartNew();
        var image = Decoder.Decode(encoded);
        var decodeMs = Lap(clock);
        var measurements = EvidenceExtractor.Measure(image);
        var evidenceMs = Lap(clock);
        var pooled = backbone.Extract(image, blocks);
        var backboneMs = Lap(clock);
        var features = new Dictionary<string, float[]>(pooled) { [ImageFeatures.ColourBlock] = measurements.ColourFeatures };
        return new ExtractedImage(new ImageFeatures(features), measurements.Evidence, image.Source,
            new AnalysisTimings(decodeMs, evidenceMs, backboneMs, 0));
    }

    public void Dispose() => backbone.Dispose();

    private static double Lap(Stopwatch clock)
    {
        var ms = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        return ms;
    }
}
