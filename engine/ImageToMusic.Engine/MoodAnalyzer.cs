using System.Diagnostics;
using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Mood;
using ImageToMusic.Engine.Vision;

namespace ImageToMusic.Engine;

/// <summary>The mood of one photo with the evidence behind it: what every door of the product consumes.</summary>
public sealed record MoodAnalysis(
    double Valence,
    double Arousal,
    IReadOnlyDictionary<string, double> Emotions,
    VisualEvidence Evidence,
    SourceImageInfo Source,
    string ModelVersion,
    AnalysisTimings Timings);

/// <summary>Where the models are and how the engine treats input.</summary>
public sealed record MoodAnalyzerOptions
{
    /// <summary>Folder with resnet18_features.onnx and mood-heads.json (see <see cref="ModelLocation"/>).</summary>
    public string? ModelFolder { get; init; }
    public ImageLimits Limits { get; init; } = ImageLimits.Default;
    /// <summary>ONNX Runtime threads per inference; 1 suits servers that analyse several photos at once.</summary>
    public int IntraOpThreads { get; init; } = 1;
}

/// <summary>Photo bytes in, <see cref="MoodAnalysis"/> out. Thread-safe; create one per process and share it.</summary>
public sealed class MoodAnalyzer : IDisposable
{
    private MoodAnalyzer(FeatureExtractor extractor, MoodModel model, ImageLimits limits)
    {
        Extractor = extractor;
        Model = model;
        Limits = limits;
        BackboneBlocks = [.. model.RequiredBlocks.Where(b => b != ImageFeatures.ColourBlock)];
    }

    /// <summary>The backbone outputs the model reads; computed once, passed to every extraction.</summary>
    public IReadOnlyList<string> BackboneBlocks { get; }

    public FeatureExtractor Extractor { get; }
    public MoodModel Model { get; }
    public ImageLimits Limits { get; }

    public static MoodAnalyzer Open(MoodAnalyzerOptions? options = null)
    {
        options ??= new MoodAnalyzerOptions();
        var folder = ModelLocation.Resolve(options.ModelFolder);
        var model = MoodModelFile.Load(Path.Combine(folder, MoodModel.DefaultFileName));
        var extractor = FeatureExtractor.Open(Path.Combine(folder, model.BackboneFile), options.Limits, options.IntraOpThreads);
        var analyzer = new MoodAnalyzer(extractor, model, options.Limits);
        var missing = analyzer.BackboneBlocks.Except(extractor.BackboneOutputs).ToList();
        if (missing.Count > 0)
        {
            analyzer.Dispose();
            throw new InvalidDataException($"The mood model reads {string.Join(", ", missing)}, which {model.BackboneFile} does not produce. Re-run ./build.sh or retrain.");
        }
        return analyzer;
    }

    /// <summary>Photos handed to <see cref="Analyze"/> since this analyzer was opened, refused ones included: each
    /// is a decode, the costly part, so hosts can show (and tests can check) that nothing is decoded twice.</summary>
    public long PhotosDecoded => Interlocked.Read(ref _photosDecoded);
    private long _photosDecoded;

    public MoodAnalysis Analyze(ReadOnlySpan<byte> encoded)
    {
        Interlocked.Increment(ref _photosDecoded);
        var extracted = Extractor.Extract(encoded, BackboneBlocks);
        var clock = Stopwatch.StartNew();
        var estimate = Model.Full.Predict(extracted.Features);
        var timings = extracted.Timings with { HeadsMs = clock.Elapsed.TotalMilliseconds };
        return new MoodAnalysis(estimate.Valence, estimate.Arousal, estimate.Emotions, extracted.Evidence,
            extracted.Source, Model.Version, timings);
    }

    /// <summary>Reads and analyses a file; its size is checked before it is read.</summary>
    public MoodAnalysis AnalyzeFile(string path) => Analyze(EncodedImageFile.Read(path, Limits));

    public void Dispose() => Extractor.Dispose();
}
