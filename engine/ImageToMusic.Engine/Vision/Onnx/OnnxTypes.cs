namespace ImageToMusic.Engine.Vision.Onnx;

/// <summary>How a session runs. Inter-op threads are always 1 (sequential execution); graph optimisation is "all".</summary>
public sealed record OnnxSessionOptions
{
    /// <summary>Threads inside one operator; 0 lets ONNX Runtime choose (one per physical core).</summary>
    public int IntraOpThreads { get; init; } = 1;
}

/// <summary>A float32 tensor copied out of ONNX Runtime: row-major <see cref="Data"/> of the given <see cref="Shape"/>.</summary>
public sealed record OnnxTensor(float[] Data, long[] Shape);
