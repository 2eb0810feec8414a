using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ImageToMusic.Engine.Vision.Onnx;

/// <summary>
/// One loaded ONNX model on ONNX Runtime's CPU provider, reading float32 tensors in and out. Run is thread-safe, and
/// Dispose waits for runs in flight before the session is released (ONNX Runtime's own Dispose does not). Errors from
/// ONNX Runtime surface as its <see cref="OnnxRuntimeException"/>, with its own message.
/// </summary>
public sealed class OnnxSession : IDisposable
{
    private readonly InferenceSession _session;
    // Runs share the read side; Dispose takes the write side, so it waits for them and later runs see it.
    private readonly ReaderWriterLockSlim _lifetime = new();
    private bool _disposed;

    /// <summary>Loads <paramref name="modelPath"/>; throws <see cref="OnnxRuntimeException"/> naming the path when ONNX
    /// Runtime cannot (missing file, not a model, unsupported operator...).</summary>
    public OnnxSession(string modelPath, OnnxSessionOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        options ??= new OnnxSessionOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.IntraOpThreads, nameof(options.IntraOpThreads));

        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(modelPath, sessionOptions);
        InputNames = _session.InputNames.ToArray();
        OutputNames = _session.OutputNames.ToArray();
    }

    public IReadOnlyList<string> InputNames { get; }
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>The declared dimensions of input <paramref name="inputName"/>, -1 where a dimension is dynamic.</summary>
    public int[] InputDimensions(string inputName) =>
        _session.InputMetadata.TryGetValue(inputName, out var metadata)
            ? metadata.Dimensions.ToArray()
            : throw new ArgumentException($"The model has no input '{inputName}' (it has: {string.Join(", ", InputNames)}).", nameof(inputName));

    /// <summary>The loaded library's version string, e.g. "1.31.1".</summary>
    public static string RuntimeVersion => OrtEnv.Instance().GetVersionString();

    /// <summary>Runs the model on one float32 input and returns the requested outputs (all when null), keyed by name
    /// in the order asked. Only float32 outputs can be read (others throw <see cref="NotSupportedException"/>).
    /// The input is read in place: <paramref name="data"/> is pinned for the duration of the call, never copied.</summary>
    public IReadOnlyDictionary<string, OnnxTensor> Run(string inputName, ReadOnlyMemory<float> data, long[] shape,
        IReadOnlyList<string>? outputNames = null)
    {
        ArgumentNullException.ThrowIfNull(inputName);
        ArgumentNullException.ThrowIfNull(shape);
        long count = 1;
        foreach (var d in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(d, nameof(shape));
            count = checked(count * d);
        }
        if (count != data.Length)
            throw new ArgumentException($"Shape [{string.Join(", ", shape)}] holds {count} values but {data.Length} were given.", nameof(data));
        var outputs = outputNames ?? OutputNames;
        if (outputs.Distinct().Count() != outputs.Count)
            throw new ArgumentException("An output is requested more than once.", nameof(outputNames));

        _lifetime.EnterReadLock();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // ONNX Runtime only reads its inputs; the writable view is what its API asks for.
            using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, MemoryMarshal.AsMemory(data), shape);
            using var runOptions = new RunOptions();
            using var results = _session.Run(runOptions, [inputName], [input], [.. outputs]);
            var tensors = new Dictionary<string, OnnxTensor>(outputs.Count);
            var i = 0;
            foreach (var value in results) tensors.Add(outputs[i], ReadFloatTensor(value, outputs[i++]));
            return tensors;
        }
        finally
        {
            _lifetime.ExitReadLock();
        }
    }

    public void Dispose()
    {
        _lifetime.EnterWriteLock();
        try
        {
            if (_disposed) return;
            _disposed = true;
            _session.Dispose();
        }
        finally
        {
            _lifetime.ExitWriteLock();
        }
    }

    private static OnnxTensor ReadFloatTensor(OrtValue value, string name)
    {
        var info = value.GetTensorTypeAndShape();
        if (info.ElementDataType != TensorElementType.Float)
            throw new NotSupportedException(
                $"Output '{name}' has ONNX element type {(int)info.ElementDataType} ({info.ElementDataType}), not float32 (1); OnnxSession reads float32 outputs only.");
        return new OnnxTensor(value.GetTensorDataAsSpan<float>().ToArray(), info.Shape);
    }
}
