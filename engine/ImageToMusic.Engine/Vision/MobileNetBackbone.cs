using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Vision.Onnx;

namespace ImageToMusic.Engine.Vision;

/// <summary>
/// MobileNetV2 (converted from nsfwjs by models/convert) as a feature extractor: one forward pass gives
/// globally average-pooled activations at every depth, named pool_expand_1..16, pool_block_0..16, pool_final.
/// Thread-safe: ONNX Runtime sessions may be run concurrently.
/// </summary>
public sealed class MobileNetBackbone : IDisposable
{
    public const string FileName = "mobilenet_v2_features.onnx";
    private const string InputName = "input";
    private readonly OnnxSession _session;

    public MobileNetBackbone(string modelPath, int intraOpThreads = 1)
    {
        if (!File.Exists(modelPath))
            throw new FileNotFoundException($"Backbone model not found at {modelPath}. Run ./build.sh, which converts it from nsfwjs.", modelPath);
        _session = new OnnxSession(modelPath, new OnnxSessionOptions { IntraOpThreads = intraOpThreads });
        PooledOutputs = [.. _session.OutputNames.Where(n => n.StartsWith("pool_", StringComparison.Ordinal))];
    }

    /// <summary>Every pooled feature the model offers.</summary>
    public IReadOnlyList<string> PooledOutputs { get; }

    /// <summary>Pooled features for <paramref name="outputs"/> (all when null), each a vector of channel means.</summary>
    public IReadOnlyDictionary<string, float[]> Extract(DecodedImage image, IReadOnlyList<string>? outputs = null)
    {
        var input = new float[DecodedImage.Size * DecodedImage.Size * 3];
        var rgb = image.Rgb;
        for (var i = 0; i < input.Length; i++) input[i] = rgb[i] / 255f; // the network was trained on RGB/255, NHWC
        var result = _session.Run(InputName, input, [1, DecodedImage.Size, DecodedImage.Size, 3], outputs ?? PooledOutputs);
        return result.ToDictionary(kv => kv.Key, kv => kv.Value.Data);
    }

    public void Dispose() => _session.Dispose();
}
