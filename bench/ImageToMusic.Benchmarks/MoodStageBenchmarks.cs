using BenchmarkDotNet.Attributes;
using ImageToMusic.Engine;
using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Mood;
using ImageToMusic.Engine.Vision;

namespace ImageToMusic.Benchmarks;

/// <summary>
/// Each stage of the mood corridor on its own, single-threaded, on one Emotion6 photo. Paths come from
/// IMAGETOMUSIC_MODELS and IMAGETOMUSIC_DATA (the root ./imagetomusic script's defaults apply too).
/// </summary>
[MemoryDiagnoser]
public class MoodStageBenchmarks
{
    private MoodAnalyzer _analyzer = null!;
    private byte[] _photo = null!;
    private DecodedImage _decoded = null!;
    private ImageFeatures _features = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = Environment.GetEnvironmentVariable("IMAGETOMUSIC_DATA")
                   ?? throw new InvalidOperationException("Set IMAGETOMUSIC_DATA to the shared data folder.");
        _analyzer = MoodAnalyzer.Open();
        _photo = File.ReadAllBytes(Path.Combine(data, "emotion6", "images", "joy", "1.jpg"));
        _decoded = _analyzer.Extractor.Decoder.Decode(_photo);
        _features = _analyzer.Extractor.Extract(_photo, _analyzer.BackboneBlocks).Features;
    }

    [GlobalCleanup]
    public void Cleanup() => _analyzer.Dispose();

    [Benchmark]
    public DecodedImage Decode() => _analyzer.Extractor.Decoder.Decode(_photo);

    [Benchmark]
    public VisualMeasurements Evidence() => EvidenceExtractor.Measure(_decoded);

    [Benchmark]
    public MoodEstimate Heads() => _analyzer.Model.Full.Predict(_features);

    [Benchmark(Baseline = true)]
    public MoodAnalysis EndToEnd() => _analyzer.Analyze(_photo);
}
