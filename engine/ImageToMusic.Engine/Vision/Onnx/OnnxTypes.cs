namespace ImageToMusic.Engine.Vision.Onnx;

/// <summary>How a session runs. Inter-op threads are always 1 (sequential execution); graph optimisation is "all".</summary>
public sealed record OnnxSessionOptions
{
    /// <summary>Threads inside one operator; 0 lets ONNX Runtime choose (one per physical core).</summary>
    public int IntraOpThreads { get; init; } = 1;
}

/// <summary>A float32 tensor copied out of ONNX Runtime: row-major <see cref="Data"/> of the given <see cref="Shape"/>.</summary>
public sealed record OnnxTensor(float[] Data, long[] Shape);

/// <summary>An error reported by ONNX Runtime: <see cref="ErrorCode"/> is its OrtErrorCode
/// (1 FAIL, 2 INVALID_ARGUMENT, 3 NO_SUCHFILE, 4 NO_MODEL, 5 ENGINE_ERROR, 6 RUNTIME_EXCEPTION, 7 INVALID_PROTOBUF,
/// 8 MODEL_LOADED, 9 NOT_IMPLEMENTED, 10 INVALID_GRAPH, 11 EP_FAIL) and the message carries ORT's own text.</summary>
public sealed class OnnxRuntimeException(int errorCode, string message) : Exception(message)
{
    public int ErrorCode { get; } = errorCode;
}
