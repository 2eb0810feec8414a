using System.Runtime.InteropServices;
using System.Text;

namespace ImageToMusic.Engine.Vision.Onnx;

/// <summary>
/// One loaded ONNX model on ONNX Runtime's CPU provider. Run is thread-safe (ORT's Run is, and Dispose waits for
/// runs in flight before the session is released). Errors from ORT surface as <see cref="OnnxRuntimeException"/>
/// with ORT's own message.
/// </summary>
public sealed unsafe class OnnxSession : IDisposable
{
    private const int ExecutionModeSequential = 0; // ORT_SEQUENTIAL
    private const int OptimizeAll = 99;            // ORT_ENABLE_ALL

    private readonly OrtSessionHandle _session;

    /// <summary>Loads <paramref name="modelPath"/>; throws <see cref="OnnxRuntimeException"/> naming the path when ORT
    /// cannot (missing file, not a model, unsupported operator...).</summary>
    public OnnxSession(string modelPath, OnnxSessionOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        options ??= new OnnxSessionOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.IntraOpThreads, nameof(options.IntraOpThreads));

        var api = OrtApi.Instance;
        var env = OrtApi.Env;
        IntPtr raw;
        api.Check(api.CreateSessionOptions(&raw));
        using (var so = new OrtSessionOptionsHandle(raw))
        {
            var o = so.DangerousGetHandle();
            api.Check(api.SetIntraOpNumThreads(o, options.IntraOpThreads));
            api.Check(api.SetInterOpNumThreads(o, 1));
            api.Check(api.SetSessionExecutionMode(o, ExecutionModeSequential));
            api.Check(api.SetSessionGraphOptimizationLevel(o, OptimizeAll));

            IntPtr session;
            if (OperatingSystem.IsWindows()) // ORTCHAR_T is wchar_t there, char (UTF-8) elsewhere
                fixed (char* path = modelPath) api.Check(api.CreateSession(env, path, o, &session), modelPath);
            else
                fixed (byte* path = Encoding.UTF8.GetBytes(modelPath + "\0")) api.Check(api.CreateSession(env, path, o, &session), modelPath);
            _session = new OrtSessionHandle(session);
        }

        InputNames = ReadNames(api, api.SessionGetInputCount, api.SessionGetInputName);
        OutputNames = ReadNames(api, api.SessionGetOutputCount, api.SessionGetOutputName);
    }

    public IReadOnlyList<string> InputNames { get; }
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>The loaded library's version string, e.g. "1.30.0".</summary>
    public static string RuntimeVersion => OrtApi.Instance.Version;

    /// <summary>Runs the model on one float32 input and returns the requested outputs (all when null), keyed by name
    /// in the order asked. Only float32 outputs can be read (others throw <see cref="NotSupportedException"/>).
    /// The input is read in place: <paramref name="data"/> is pinned for the duration of the call, never copied.</summary>
    public IReadOnlyDictionary<string, OnnxTensor> Run(string inputName, ReadOnlySpan<float> data, ReadOnlySpan<long> shape,
        IReadOnlyList<string>? outputNames = null)
    {
        ArgumentNullException.ThrowIfNull(inputName);
        long count = 1;
        foreach (var d in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(d, nameof(shape));
            count = checked(count * d);
        }
        if (count != data.Length)
            throw new ArgumentException($"Shape [{string.Join(", ", shape.ToArray())}] holds {count} values but {data.Length} were given.", nameof(data));
        var outputs = outputNames ?? OutputNames;
        if (outputs.Distinct().Count() != outputs.Count)
            throw new ArgumentException("An output is requested more than once.", nameof(outputNames));

        // All names, input first, as one buffer of NUL-terminated UTF-8 strings.
        var offsets = new int[outputs.Count + 1];
        var text = new StringBuilder();
        for (var i = 0; i <= outputs.Count; i++)
        {
            offsets[i] = Encoding.UTF8.GetByteCount(text.ToString());
            text.Append(i == 0 ? inputName : outputs[i - 1]).Append('\0');
        }
        var names = Encoding.UTF8.GetBytes(text.ToString());

        ObjectDisposedException.ThrowIf(_session.IsClosed, this);
        var api = OrtApi.Instance;
        var memory = OrtApi.CpuMemory;
        var n = outputs.Count;
        var addedRef = false;
        try
        {
            _session.DangerousAddRef(ref addedRef); // Dispose during this Run defers ReleaseSession until we are done
            float empty = 0;
            fixed (float* pinned = data)
            fixed (long* dims = shape)
            fixed (byte* pNames = names)
            {
                IntPtr raw;
                api.Check(api.CreateTensorWithDataAsOrtValue(memory.DangerousGetHandle(), pinned != null ? pinned : &empty,
                    (nuint)data.Length * sizeof(float), dims, (nuint)shape.Length, OrtApi.ElementTypeFloat, &raw));
                using var input = new OrtValueHandle(raw);

                byte* inName = pNames;
                var outNames = stackalloc byte*[n];
                var outValues = stackalloc IntPtr[n];
                for (var i = 0; i < n; i++) { outNames[i] = pNames + offsets[i + 1]; outValues[i] = IntPtr.Zero; }

                var status = api.Run(_session.DangerousGetHandle(), IntPtr.Zero, &inName, &raw, 1, outNames, (nuint)n, outValues);
                var owned = new OrtValueHandle[n];
                for (var i = 0; i < n; i++) owned[i] = new OrtValueHandle(outValues[i]);
                try
                {
                    api.Check(status);
                    var result = new Dictionary<string, OnnxTensor>(n);
                    for (var i = 0; i < n; i++) result.Add(outputs[i], ReadFloatTensor(api, outValues[i], outputs[i]));
                    return result;
                }
                finally
                {
                    foreach (var value in owned) value.Dispose();
                }
            }
        }
        finally
        {
            if (addedRef) _session.DangerousRelease();
        }
    }

    public void Dispose() => _session.Dispose();

    private static OnnxTensor ReadFloatTensor(OrtApi api, IntPtr value, string name)
    {
        IntPtr info;
        api.Check(api.GetTensorTypeAndShape(value, &info));
        try
        {
            int type;
            api.Check(api.GetTensorElementType(info, &type));
            if (type != OrtApi.ElementTypeFloat)
                throw new NotSupportedException($"Output '{name}' has ONNX element type {type}, not float32 (1); OnnxSession reads float32 outputs only.");
            nuint rank, count;
            api.Check(api.GetDimensionsCount(info, &rank));
            var shape = new long[(int)rank];
            fixed (long* dims = shape) api.Check(api.GetDimensions(info, dims, rank));
            api.Check(api.GetTensorShapeElementCount(info, &count));
            var data = new float[checked((int)count)];
            if (data.Length > 0)
            {
                void* source;
                api.Check(api.GetTensorMutableData(value, &source));
                new ReadOnlySpan<float>(source, data.Length).CopyTo(data);
            }
            return new OnnxTensor(data, shape);
        }
        finally
        {
            api.ReleaseTensorTypeAndShapeInfo(info);
        }
    }

    private string[] ReadNames(OrtApi api, delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr> getCount,
        delegate* unmanaged[Cdecl]<IntPtr, nuint, IntPtr, byte**, IntPtr> getName)
    {
        var session = _session.DangerousGetHandle();
        nuint count;
        IntPtr allocator; // ORT's default CPU allocator: a process-wide singleton, never freed
        api.Check(getCount(session, &count));
        api.Check(api.GetAllocatorWithDefaultOptions(&allocator));
        var names = new string[(int)count];
        for (nuint i = 0; i < count; i++)
        {
            byte* name;
            api.Check(getName(session, i, allocator, &name));
            try { names[i] = Marshal.PtrToStringUTF8((IntPtr)name) ?? ""; }
            finally { api.Check(api.AllocatorFree(allocator, name)); }
        }
        return names;
    }
}
