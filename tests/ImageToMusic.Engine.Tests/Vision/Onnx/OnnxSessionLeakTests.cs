using ImageToMusic.Engine.Vision.Onnx;
using Xunit.Abstractions;

namespace ImageToMusic.Engine.Tests.Vision.Onnx;

/// <summary>Runs alone (no other test allocating in the process meanwhile) so resident memory can be compared.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMemoryCollection
{
    public const string Name = "Process memory";
}

/// <summary>Native objects are released: thousands of runs and hundreds of sessions leave resident memory flat.
/// Each case, if it leaked what it allocates, would grow RSS by several hundred MB; the margin allowed is 32 MB.</summary>
[Collection(ProcessMemoryCollection.Name)]
public sealed class OnnxSessionLeakTests(OnnxModels models, ITestOutputHelper output) : IClassFixture<OnnxModels>
{
    private const long MarginBytes = 32L << 20;

    // wide.onnx: y = x·(I/4 + 1/8), so y[n, j] = x[n, j]/4 + (Σ_i x[n, i])/8
    internal static float[] Wide(float[] x, int batch)
    {
        var y = new float[batch * 256];
        for (var n = 0; n < batch; n++)
        {
            float sum = 0;
            for (var i = 0; i < 256; i++) sum += x[n * 256 + i];
            for (var j = 0; j < 256; j++) y[n * 256 + j] = x[n * 256 + j] / 4 + sum / 8;
        }
        return y;
    }

    [Fact]
    public void Thousands_of_runs_do_not_grow_resident_memory()
    {
        // 16384 rows: 256 KB in, 256 KB + 64 KB out per run; 3000 leaked runs would hold about 1 GB.
        const int rows = 16384, runs = 3000;
        using var session = new OnnxSession(models.TwoOutputs);
        var x = Enumerable.Range(0, rows * 4).Select(i => (float)(i % 9 - 4)).ToArray();
        for (var i = 0; i < 100; i++) session.Run("x", x, [rows, 4]); // arena and GC heap reach their steady size

        var before = ResidentMemory.Settled();
        float checksum = 0;
        for (var i = 0; i < runs; i++)
        {
            var result = session.Run("x", x, [rows, 4]);
            checksum += result["doubled"].Data[i % (rows * 4)] + result["sum"].Data[i % rows];
        }
        var after = ResidentMemory.Settled();

        output.WriteLine($"RSS before {before >> 10} KB, after {runs} runs {after >> 10} KB");
        Assert.True(after - before < MarginBytes, $"RSS grew by {(after - before) >> 20} MB over {runs} runs");
        Assert.NotEqual(0, checksum);
    }

    [Fact]
    public void Creating_and_disposing_sessions_does_not_grow_resident_memory()
    {
        // Each session holds the 256 KB weight (plus ORT's own copies and plans); 300 leaked sessions would hold > 75 MB.
        const int sessions = 300;
        var x = Enumerable.Range(0, 256).Select(i => (float)(i % 3)).ToArray();
        var expected = Wide(x, 1);
        for (var i = 0; i < 20; i++) CreateRunDispose();

        var before = ResidentMemory.Settled();
        for (var i = 0; i < sessions; i++) CreateRunDispose();
        var after = ResidentMemory.Settled();

        output.WriteLine($"RSS before {before >> 10} KB, after {sessions} sessions {after >> 10} KB");
        Assert.True(after - before < MarginBytes, $"RSS grew by {(after - before) >> 20} MB over {sessions} sessions");

        void CreateRunDispose()
        {
            using var session = new OnnxSession(models.Wide);
            Assert.Equal(expected, session.Run("x", x, [1, 256])["y"].Data);
        }
    }
}
