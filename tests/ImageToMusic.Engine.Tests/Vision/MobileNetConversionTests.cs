using ImageToMusic.Engine.Imaging;
using System.Runtime.InteropServices;
using System.Text.Json;
using ImageToMusic.Engine.Vision.Onnx;
using Xunit.Abstractions;

namespace ImageToMusic.Engine.Tests.Vision;

/// <summary>
/// Proves models/mobilenet_v2_features.onnx (converted by build.sh from nsfwjs's TF.js weights) computes what the
/// original model computes: the same real photos go through the ONNX model on ONNX Runtime and through nsfwjs's own
/// files on TensorFlow.js (tools/reference/reference_forward.cjs), and every output must agree. Pixels come from
/// ImageMagick, not the project's decoder, so the check depends on nothing but the conversion.
/// </summary>
public sealed class MobileNetConversionTests(ITestOutputHelper log)
{
    private const int Size = 224;

    // Per output: max |onnx - tfjs| <= 1e-4 * max(1, max |tfjs|). Both runtimes work in float32 but sum in other orders
    // (and ORT folds BatchNorm into the convolutions), which costs about 1e-6 of an output's scale; a wrong padding,
    // layout or weight shows up at 1e-2 or more.
    private const double RelativeTolerance = 1e-4;

    // One photo per Emotion6 folder: real, varied content rather than synthetic patterns.
    private static readonly string[] Photos = ["anger/1", "disgust/2", "fear/3", "joy/4", "sadness/5", "surprise/6"];

    [Emotion6Fact]
    public void OnnxModelMatchesTheOriginalTfjsModel()
    {
        var modelPath = Path.Combine(TestData.RepoRoot, "models", "mobilenet_v2_features.onnx");
        Assert.True(File.Exists(modelPath), $"{modelPath} is missing: run ./build.sh, which converts the weights.");
        var (outputs, nsfwjsDir) = ReadSidecar(Path.ChangeExtension(modelPath, ".json"));
        var pixels = LoadPixels();
        var n = Photos.Length;

        var reference = RunReference(nsfwjsDir, pixels, n);
        using var session = new OnnxSession(modelPath);
        var onnx = session.Run("input", pixels, [n, Size, Size, 3]);
        Assert.Equal(outputs.Keys.Order(), session.OutputNames.Order());
        Assert.Equal(outputs.Keys.Order(), reference.Keys.Order());

        var failures = new List<string>();
        foreach (var (name, channels) in outputs)
        {
            var actual = onnx[name];
            Assert.Equal([n, channels], actual.Shape);
            Assert.All(reference[name], row => Assert.Equal(channels, row.Length));
            double maxDiff = 0, scale = 0;
            for (var i = 0; i < n; i++)
                for (var c = 0; c < channels; c++)
                {
                    var expected = reference[name][i][c];
                    maxDiff = Math.Max(maxDiff, Math.Abs(actual.Data[i * channels + c] - expected));
                    scale = Math.Max(scale, Math.Abs(expected));
                }
            var limit = RelativeTolerance * Math.Max(1, scale);
            log.WriteLine($"{name,-16} [{n},{channels,4}]  max|diff| {maxDiff:E2}  limit {limit:E2}  max|tfjs| {scale:F3}");
            if (maxDiff > limit) failures.Add($"{name}: max |onnx - tfjs| {maxDiff:E2} > {limit:E2}");
        }
        var classes = outputs["nsfw_probs"];
        for (var i = 0; i < n; i++)
        {
            var onnxClass = ArgMax(onnx["nsfw_probs"].Data.Skip(i * classes).Take(classes).Select(v => (double)v));
            var tfjsClass = ArgMax(reference["nsfw_probs"][i]);
            if (onnxClass != tfjsClass) failures.Add($"{Photos[i]}: nsfw_probs argmax {onnxClass} (onnx) vs {tfjsClass} (tfjs)");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Output name → channels from build_onnx.py's sidecar, and the nsfwjs model folder build.sh unpacked.</summary>
    private static (Dictionary<string, int> Outputs, string NsfwjsDir) ReadSidecar(string path)
    {
        Assert.True(File.Exists(path), $"{path} is missing: run ./build.sh, which writes it beside the model.");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var outputs = json.RootElement.GetProperty("outputs").EnumerateArray().ToDictionary(
            o => o.GetProperty("name").GetString()!, o => o.GetProperty("dims")[1].GetInt32());
        var source = json.RootElement.GetProperty("source");
        // build.sh's npm_fetch unpacks <package>@<version> into .cache/npm/<that>/package.
        var dir = Path.Combine(TestData.RepoRoot, ".cache", "npm",
            $"{source.GetProperty("package").GetString()}@{source.GetProperty("version").GetString()}",
            "package", source.GetProperty("path").GetString()!);
        Assert.True(Directory.Exists(dir), $"{dir} is missing: run ./build.sh, which fetches nsfwjs.");
        return (outputs, dir);
    }

    private static readonly VipsImageDecoder Decoder = new(ImageLimits.Default);

    /// <summary>NHWC float32 RGB in [0, 1], as nsfwjs feeds its model: 8-bit samples / 255.</summary>
    private static float[] LoadPixels()
    {
        const int perImage = Size * Size * 3;
        var pixels = new float[Photos.Length * perImage];
        for (var i = 0; i < Photos.Length; i++)
        {
            var file = Path.Combine(TestData.Emotion6Images, Photos[i] + ".jpg");
            Assert.True(File.Exists(file), $"{file} is missing from the Emotion6 folder.");
            var rgb = Decoder.Decode(File.ReadAllBytes(file)).Rgb; // the pixels production feeds the model
            Assert.Equal(perImage, rgb.Length);
            for (var j = 0; j < perImage; j++) pixels[i * perImage + j] = rgb[j] / 255f;
        }
        return pixels;
    }

    private static Dictionary<string, double[][]> RunReference(string nsfwjsDir, float[] pixels, int n)
    {
        var work = Directory.CreateTempSubdirectory("imagetomusic-conversion-");
        try
        {
            var input = Path.Combine(work.FullName, "input.f32");
            var result = Path.Combine(work.FullName, "reference.json");
            File.WriteAllBytes(input, MemoryMarshal.AsBytes(pixels.AsSpan()).ToArray()); // x64/arm64: little-endian
            var script = Path.Combine(TestData.RepoRoot, "tools", "reference", "reference_forward.cjs");
            ExternalTool.Run("node", [script, nsfwjsDir, input, n.ToString(), result], TimeSpan.FromMinutes(10));
            return JsonSerializer.Deserialize<Dictionary<string, double[][]>>(File.ReadAllText(result))!;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static int ArgMax(IEnumerable<double> values) => values.Select((v, i) => (v, i)).MaxBy(p => p.v).i;
}
