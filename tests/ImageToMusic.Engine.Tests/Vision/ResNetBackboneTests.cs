using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Vision;
using ImageToMusic.Engine.Vision.Onnx;
using Xunit.Abstractions;

namespace ImageToMusic.Engine.Tests.Vision;

/// <summary>
/// models/resnet18_features.onnx (merged by build.sh from ML.NET's ResNet18 package) computes what the package's two
/// original graphs compute when run one after the other, on real photos; and its taps and batches behave.
/// </summary>
public sealed class ResNetBackboneTests(ITestOutputHelper log)
{
    // The merged graph reorders nothing numerically: the same nodes and weights, so only ONNX Runtime's choice of
    // kernels (fused or not) can move a value. Pooled activations here reach about 10.
    private const float Tolerance = 1e-3f;
    private static readonly string[] Photos = ["joy/1", "sadness/12", "fear/3", "surprise/5", "anger/7", "disgust/9"];
    private static readonly VipsImageDecoder Decoder = new(ImageLimits.Default);

    private static string Merged => Path.Combine(TestData.Models, ResNetBackbone.FileName);

    private static string Original(string folder, string file) => Path.Combine(TestData.RepoRoot, ".cache", "resnet18", "packages",
        "microsoft.ml.dnnimagefeaturizer.resnet18", "0.23.1", "tools", "DnnImageModels", folder, file);

    private static DecodedImage Photo(string name) =>
        Decoder.Decode(File.ReadAllBytes(Path.Combine(TestData.Emotion6Images, name + ".jpg")));

    /// <summary>Planar RGB 0–255, the input both the original preprocessing graph and the merged graph take.</summary>
    private static float[] Planar(DecodedImage image)
    {
        const int pixels = DecodedImage.Size * DecodedImage.Size;
        var planar = new float[3 * pixels];
        for (var p = 0; p < pixels; p++)
            for (var c = 0; c < 3; c++)
                planar[c * pixels + p] = image.Rgb[3 * p + c];
        return planar;
    }

    [Emotion6Fact]
    public void The_merged_graph_matches_the_package_graphs_run_one_after_the_other()
    {
        Assert.True(File.Exists(Merged), $"{Merged} is missing: run ./build.sh");
        using var preprocess = new OnnxSession(Original("ResNetPrepOnnx", "ResNetPreprocess.onnx"));
        using var resnet = new OnnxSession(Original("ResNet18Onnx", "ResNet18.onnx"));
        using var backbone = new ResNetBackbone(Merged);

        var worst = 0f;
        foreach (var name in Photos)
        {
            var image = Photo(name);
            long[] shape = [1, 3, DecodedImage.Size, DecodedImage.Size];
            var prepared = preprocess.Run(preprocess.InputNames[0], Planar(image), shape)[preprocess.OutputNames[0]];
            var expected = resnet.Run(resnet.InputNames[0], prepared.Data, prepared.Shape)[resnet.OutputNames[0]];
            var actual = backbone.Extract(image)["pool_final"];

            Assert.Equal([1, 512, 1, 1], expected.Shape);
            Assert.Equal(512, actual.Length);
            for (var i = 0; i < actual.Length; i++) worst = Math.Max(worst, Math.Abs(actual[i] - expected.Data[i]));
            Assert.True(expected.Data.Max() > 1, $"{name}: the original's features look empty");
        }

        log.WriteLine($"max |merged − original| over {Photos.Length} photos × 512 features: {worst:E2}");
        Assert.True(worst <= Tolerance, $"max abs difference {worst} exceeds {Tolerance}");
    }

    [Emotion6Fact]
    public void Every_tap_has_its_stage_width_and_a_batch_gives_what_single_runs_give()
    {
        using var session = new OnnxSession(Merged);
        var images = Photos.Take(3).Select(Photo).ToArray();
        var batch = images.SelectMany(Planar).ToArray();

        var together = session.Run("input", batch, [3, 3, DecodedImage.Size, DecodedImage.Size]);

        Assert.Equal(["pool_layer2", "pool_layer3", "pool_final"], session.OutputNames);
        Assert.Equal([3, 128], together["pool_layer2"].Shape);
        Assert.Equal([3, 256], together["pool_layer3"].Shape);
        Assert.Equal([3, 512], together["pool_final"].Shape);
        for (var n = 0; n < images.Length; n++)
        {
            var alone = session.Run("input", Planar(images[n]), [1, 3, DecodedImage.Size, DecodedImage.Size]);
            foreach (var (name, tensor) in alone)
            {
                var width = tensor.Data.Length;
                var row = together[name].Data.AsSpan(n * width, width).ToArray();
                Assert.All(row.Zip(tensor.Data), pair => Assert.True(Math.Abs(pair.First - pair.Second) <= Tolerance, $"{name}[{n}] differs"));
                Assert.All(tensor.Data, v => Assert.True(v >= 0, $"{name} holds a negative mean of ReLU outputs"));
            }
        }
    }
}
