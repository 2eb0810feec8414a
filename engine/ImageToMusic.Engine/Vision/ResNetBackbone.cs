using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Vision.Onnx;

namespace ImageToMusic.Engine.Vision;

/// <summary>
/// ImageNet-1k ResNet18 (ML.NET's DnnImageFeaturizer.ResNet18 package, merged with its preprocessing by
/// models/resnet/build_resnet_onnx.py) as a feature extractor: one forward pass gives globally average-pooled
/// activations at the end of three stages, pool_layer2 (128), pool_layer3 (256) and pool_final (512).
/// Thread-safe: ONNX Runtime sessions may be run concurrently.
/// </summary>
public sealed class ResNetBackbone : IDisposable
{
    public const string FileName = "resnet18_features.onnx";
    private const string InputName = "input";
    private const int Pixels = DecodedImage.Size * DecodedImage.Size;
    private readonly OnnxSession _session;

    public ResNetBackbone(string modelPath, int intraOpThreads = 1)
    {
        if (!File.Exists(modelPath))
            throw new FileNotFoundException($"Backbone model not found at {modelPath}. Run ./build.sh, which builds it from the ResNet18 package.", modelPath);
        _session = new OnnxSession(modelPath, new OnnxSessionOptions { IntraOpThreads = intraOpThreads });
        PooledOutputs = [.. _session.OutputNames.Where(n => n.StartsWith("pool_", StringComparison.Ordinal))];
    }

    /// <summary>Every pooled feature the model offers.</summary>
    public IReadOnlyList<string> PooledOutputs { get; }

    /// <summary>Pooled features for <paramref name="outputs"/> (all when null), each a vector of channel means.</summary>
    public IReadOnlyDictionary<string, float[]> Extract(DecodedImage image, IReadOnlyList<string>? outputs = null)
    {
        // The graph takes planar RGB samples 0–255 (NCHW) and does the BGR reordering and mean subtraction itself.
        var input = new float[3 * Pixels];
        var rgb = image.Rgb;
        for (var p = 0; p < Pixels; p++)
        {
            input[p] = rgb[3 * p];
            input[Pixels + p] = rgb[3 * p + 1];
            input[2 * Pixels + p] = rgb[3 * p + 2];
        }
        var result = _session.Run(InputName, input, [1, 3, DecodedImage.Size, DecodedImage.Size], outputs ?? PooledOutputs);
        return result.ToDictionary(kv => kv.Key, kv => kv.Value.Data);
    }

    public void Dispose() => _session.Dispose();
}
