using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Vision.Onnx;

namespace ImageToMusic.Engine.Vision;

/// <summary>
/// ImageNet-1k ResNet18 (ML.NET's DnnImageFeaturizer.ResNet18 package, merged with its preprocessing by
/// models/resnet/build_resnet_onnx.py) as a feature extractor: one forward pass gives globally average-pooled
/// activations at the end of three stages, pool_layer2 (128), pool_layer3 (256) and pool_final (512).
/// The model's square input side is read from the model (the merge script can build it smaller than the decoded
/// image, which makes it cheaper); the decoded image is area-averaged down to it.
/// Thread-safe: ONNX Runtime sessions may be run concurrently.
/// </summary>
public sealed class ResNetBackbone : IDisposable
{
    public const string FileName = "resnet18_features.onnx";
    private const string InputName = "input";
    private readonly OnnxSession _session;
    private readonly AreaResampler _resampler;

    public ResNetBackbone(string modelPath, int intraOpThreads = 1)
    {
        if (!File.Exists(modelPath))
            throw new FileNotFoundException($"Backbone model not found at {modelPath}. Run ./build.sh, which builds it from the ResNet18 package.", modelPath);
        _session = new OnnxSession(modelPath, new OnnxSessionOptions { IntraOpThreads = intraOpThreads });
        PooledOutputs = [.. _session.OutputNames.Where(n => n.StartsWith("pool_", StringComparison.Ordinal))];
        var dimensions = _session.InputDimensions(InputName);
        if (dimensions is not [_, 3, var height, var width] || height != width || height < 32 || height > DecodedImage.Size)
        {
            _session.Dispose();
            throw new InvalidDataException($"{modelPath} takes input [{string.Join(", ", dimensions)}]; expected [batch, 3, S, S] with 32 ≤ S ≤ {DecodedImage.Size}. Re-run ./build.sh.");
        }
        _resampler = new AreaResampler(DecodedImage.Size, height);
    }

    /// <summary>The square side the model reads.</summary>
    public int InputSide => _resampler.TargetSide;

    /// <summary>Every pooled feature the model offers.</summary>
    public IReadOnlyList<string> PooledOutputs { get; }

    /// <summary>Pooled features for <paramref name="outputs"/> (all when null), each a vector of channel means.</summary>
    public IReadOnlyDictionary<string, float[]> Extract(DecodedImage image, IReadOnlyList<string>? outputs = null)
    {
        // The graph takes planar RGB samples 0–255 (NCHW) and does the BGR reordering and mean subtraction itself.
        var side = InputSide;
        var input = new float[3 * side * side];
        _resampler.Resample(image.Rgb, input);
        var result = _session.Run(InputName, input, [1, 3, side, side], outputs ?? PooledOutputs);
        return result.ToDictionary(kv => kv.Key, kv => kv.Value.Data);
    }

    public void Dispose() => _session.Dispose();
}
