using ImageToMusic.Engine.Vision.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace ImageToMusic.Engine.Tests.Vision.Onnx;

/// <summary>OnnxSession against the real ONNX Runtime, on models whose outputs are computed here by hand.
/// All weights and inputs are small multiples of 1/4, so float32 results are exact in any summation order.</summary>
public sealed class OnnxSessionTests(OnnxModels models) : IClassFixture<OnnxModels>
{
    // linear.onnx: y = x·W + b
    private static readonly float[,] W = { { 0.5f, -1f }, { 2f, 0.25f }, { -1.5f, 3f } };
    private static readonly float[] B = [0.25f, -2f];

    internal static float[] Linear(float[] x, int batch)
    {
        var y = new float[batch * 2];
        for (var n = 0; n < batch; n++)
            for (var j = 0; j < 2; j++)
            {
                var sum = B[j];
                for (var i = 0; i < 3; i++) sum += x[n * 3 + i] * W[i, j];
                y[n * 2 + j] = sum;
            }
        return y;
    }

    [Fact]
    public void Linear_model_gives_the_hand_computed_result()
    {
        using var session = new OnnxSession(models.Linear);

        var y = Assert.Single(session.Run("x", new[] { 1f, 2f, 3f }, [1, 3]));

        Assert.Equal("y", y.Key);
        Assert.Equal([1, 2], y.Value.Shape);
        // 1·0.5 + 2·2 + 3·(−1.5) + 0.25 = 0.25;  1·(−1) + 2·0.25 + 3·3 − 2 = 6.5
        Assert.Equal([0.25f, 6.5f], y.Value.Data);
    }

    [Fact]
    public void Names_come_from_the_model_in_graph_order()
    {
        using var linear = new OnnxSession(models.Linear);
        using var two = new OnnxSession(models.TwoOutputs);

        Assert.Equal(["x"], linear.InputNames);
        Assert.Equal(["y"], linear.OutputNames);
        Assert.Equal(["x"], two.InputNames);
        Assert.Equal(["doubled", "sum"], two.OutputNames);
    }

    [Fact]
    public void Dynamic_batch_runs_every_row()
    {
        using var session = new OnnxSession(models.Linear);
        float[] x = [1f, 2f, 3f, -0.5f, 0.25f, 4f, 0f, 0f, 0f, 8f, -2.75f, 1.5f];

        var y = session.Run("x", x, [4, 3])["y"];

        Assert.Equal([4, 2], y.Shape);
        Assert.Equal(Linear(x, 4), y.Data);
        Assert.Equal([0.25f, 6.5f, -5.5f, 10.5625f, 0.25f, -2f, -3.5f, -6.1875f], y.Data); // the same, written out
    }

    [Fact]
    public void Two_outputs_are_both_returned_by_default()
    {
        using var session = new OnnxSession(models.TwoOutputs);
        float[] x = [1f, 2f, 3f, 4f, -1f, 0.5f, 0.25f, 10f, 0f, 0f, 0f, -7f];

        var result = session.Run("x", x, [3, 4]);

        Assert.Equal(["doubled", "sum"], result.Keys);
        Assert.Equal([3, 4], result["doubled"].Shape);
        Assert.Equal(x.Select(v => v * 2).ToArray(), result["doubled"].Data);
        Assert.Equal([3, 1], result["sum"].Shape);
        Assert.Equal([10f, 9.75f, -7f], result["sum"].Data);
    }

    [Fact]
    public void Only_the_requested_outputs_are_returned_in_the_order_asked()
    {
        using var session = new OnnxSession(models.TwoOutputs);
        float[] x = [1f, 2f, 3f, 4f];

        var sumOnly = session.Run("x", x, [1, 4], ["sum"]);
        var reversed = session.Run("x", x, [1, 4], ["sum", "doubled"]);

        Assert.Equal(["sum"], sumOnly.Keys);
        Assert.Equal([10f], sumOnly["sum"].Data);
        Assert.Equal(["sum", "doubled"], reversed.Keys);
        Assert.Equal([2f, 4f, 6f, 8f], reversed["doubled"].Data);
    }

    [Fact]
    public void Input_may_be_a_slice_of_a_larger_buffer()
    {
        using var session = new OnnxSession(models.Linear);
        float[] buffer = [99f, 99f, 1f, 2f, 3f, -0.5f, 0.25f, 4f, 99f];

        var y = session.Run("x", buffer.AsMemory(2, 6), [2, 3])["y"];

        Assert.Equal([0.25f, 6.5f, -5.5f, 10.5625f], y.Data);
        Assert.Equal([99f, 99f, 1f, 2f, 3f, -0.5f, 0.25f, 4f, 99f], buffer); // read in place, not written
    }

    [Fact]
    public void Empty_batch_gives_empty_outputs()
    {
        using var session = new OnnxSession(models.Linear);

        var y = session.Run("x", ReadOnlyMemory<float>.Empty, [0, 3])["y"];

        Assert.Equal([0, 2], y.Shape);
        Assert.Empty(y.Data);
    }

    [Fact]
    public void Non_float_outputs_are_refused_but_float_ones_beside_them_can_be_read()
    {
        using var session = new OnnxSession(models.MixedTypes);
        float[] x = [0.5f, 3f, -1f, 2f];

        var scores = session.Run("x", x, [1, 4], ["scores"]);
        var all = Assert.Throws<NotSupportedException>(() => session.Run("x", x, [1, 4]));

        Assert.Equal(x, scores["scores"].Data);
        Assert.Contains("'best'", all.Message);
        Assert.Contains("element type 7", all.Message); // ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    public void Intra_op_threads_do_not_change_results(int threads)
    {
        using var session = new OnnxSession(models.Wide, new OnnxSessionOptions { IntraOpThreads = threads });
        var x = Enumerable.Range(0, 8 * 256).Select(i => (float)(i % 7 - 3)).ToArray();

        var y = session.Run("x", x, [8, 256])["y"];

        Assert.Equal([8, 256], y.Shape);
        Assert.Equal(OnnxSessionLeakTests.Wide(x, 8), y.Data);
    }

    [Fact]
    public void Negative_thread_count_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new OnnxSession(models.Linear, new OnnxSessionOptions { IntraOpThreads = -1 }));
    }

    [Fact]
    public void Runtime_version_is_the_package_the_engine_references()
    {
        Assert.Equal("1.31.1", OnnxSession.RuntimeVersion);
    }

    // ---- errors carry ONNX Runtime's own text ----

    [Fact]
    public void Missing_file_reports_ORT_NO_SUCHFILE_with_the_path()
    {
        var path = Path.Combine(models.Folder, "does-not-exist.onnx");

        var error = Assert.Throws<OnnxRuntimeException>(() => new OnnxSession(path));

        Assert.StartsWith("[ErrorCode:NoSuchFile]", error.Message);
        Assert.Contains(path, error.Message);
        Assert.Contains("File doesn't exist", error.Message);
    }

    [Fact]
    public void Garbage_file_reports_ORT_INVALID_PROTOBUF_with_the_path()
    {
        var path = Path.Combine(models.Folder, "garbage.onnx");
        File.WriteAllBytes(path, [0x01, 0x02, 0x03, 0xff, 0xfe, 0x00, 0x42, 0x13, 0x37, 0x99]);

        var error = Assert.Throws<OnnxRuntimeException>(() => new OnnxSession(path));

        Assert.StartsWith("[ErrorCode:InvalidProtobuf]", error.Message);
        Assert.Contains(path, error.Message);
        Assert.Contains("Protobuf parsing failed", error.Message);
    }

    [Fact]
    public void Wrong_input_name_reports_ORT_text_and_leaves_the_session_usable()
    {
        using var session = new OnnxSession(models.Linear);

        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run("image", new[] { 1f, 2f, 3f }, [1, 3]));

        Assert.StartsWith("[ErrorCode:InvalidArgument]", error.Message);
        Assert.Contains("Input name: 'image'", error.Message); // refused by ONNX Runtime's managed layer, before the native run
        Assert.Equal([0.25f, 6.5f], session.Run("x", new[] { 1f, 2f, 3f }, [1, 3])["y"].Data);
    }

    [Fact]
    public void Wrong_rank_reports_ORT_text()
    {
        using var session = new OnnxSession(models.Linear);

        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run("x", new[] { 1f, 2f, 3f }, [1, 1, 3]));

        Assert.StartsWith("[ErrorCode:InvalidArgument]", error.Message);
        Assert.Contains("Invalid rank for input: x Got: 3 Expected: 2", error.Message);
    }

    [Fact]
    public void Wrong_dimension_reports_ORT_text()
    {
        using var session = new OnnxSession(models.Linear);

        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run("x", new[] { 1f, 2f, 3f, 4f }, [1, 4]));

        Assert.StartsWith("[ErrorCode:InvalidArgument]", error.Message);
        Assert.Contains("Got invalid dimensions for input: x", error.Message);
        Assert.Contains("index: 1 Got: 4 Expected: 3", error.Message);
    }

    [Fact]
    public void Unknown_output_name_reports_ORT_text()
    {
        using var session = new OnnxSession(models.TwoOutputs);

        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run("x", new[] { 1f, 2f, 3f, 4f }, [1, 4], ["mean"]));

        Assert.StartsWith("[ErrorCode:InvalidArgument]", error.Message);
        Assert.Matches("Output name: .?mean", error.Message);
    }

    [Fact]
    public void Data_that_does_not_fill_the_shape_is_refused_before_ORT()
    {
        using var session = new OnnxSession(models.Linear);

        var error = Assert.Throws<ArgumentException>(() => session.Run("x", new[] { 1f, 2f, 3f, 4f }, [1, 3]));
        Assert.Contains("holds 3 values but 4 were given", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => session.Run("x", new[] { 1f, 2f, 3f }, [-1, 3]));
        Assert.Throws<ArgumentException>(() => session.Run("x", new[] { 1f, 2f, 3f }, [1, 3], ["y", "y"]));
    }

    [Fact]
    public void Run_after_dispose_throws_ObjectDisposedException()
    {
        var session = new OnnxSession(models.Linear);
        session.Dispose();
        session.Dispose(); // idempotent

        Assert.Throws<ObjectDisposedException>(() => session.Run("x", new[] { 1f, 2f, 3f }, [1, 3]));
    }

    // ---- concurrency ----

    [Fact]
    public void One_session_run_from_many_threads_gives_the_single_threaded_results()
    {
        using var session = new OnnxSession(models.Linear);
        const int threads = 8, runs = 250;
        // Every thread runs the same sequence of inputs (batch 1..5); each result must equal the one computed alone.
        var inputs = Enumerable.Range(0, runs)
            .Select(r => Enumerable.Range(0, (r % 5 + 1) * 3).Select(i => (float)((r * 31 + i * 7) % 41 - 20) / 4).ToArray())
            .ToArray();
        var expected = inputs.Select(x => session.Run("x", x, [x.Length / 3, 3])["y"].Data).ToArray();
        var mismatches = 0;
        using var start = new Barrier(threads);

        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var r = 0; r < runs; r++)
            {
                var i = (r + t * 17) % runs; // threads walk the inputs out of phase
                var y = session.Run("x", inputs[i], [inputs[i].Length / 3, 3])["y"].Data;
                if (!y.AsSpan().SequenceEqual(expected[i])) Interlocked.Increment(ref mismatches);
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        Assert.Equal(0, mismatches);
        Assert.Equal(Linear(inputs[7], 3), expected[7]); // and the single-threaded results are the hand-computed ones
    }

    [Fact]
    public void Dispose_while_other_threads_run_waits_for_them_and_then_refuses_new_runs()
    {
        var session = new OnnxSession(models.Wide);
        var x = Enumerable.Range(0, 32 * 256).Select(i => (float)(i % 5)).ToArray();
        var expected = OnnxSessionLeakTests.Wide(x, 32);
        var completed = 0;
        var wrong = 0;
        var stoppedByDispose = 0;

        var workers = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            try
            {
                while (true)
                {
                    if (!session.Run("x", x, [32, 256])["y"].Data.AsSpan().SequenceEqual(expected)) Interlocked.Increment(ref wrong);
                    Interlocked.Increment(ref completed);
                }
            }
            catch (ObjectDisposedException) { Interlocked.Increment(ref stoppedByDispose); }
        })).ToList();
        workers.ForEach(w => w.Start());
        SpinWait.SpinUntil(() => Volatile.Read(ref completed) >= 50, TimeSpan.FromSeconds(30));
        session.Dispose();
        workers.ForEach(w => w.Join());

        Assert.True(completed >= 50, $"only {completed} runs completed");
        Assert.Equal(0, wrong);
        Assert.Equal(4, stoppedByDispose);
    }
}
