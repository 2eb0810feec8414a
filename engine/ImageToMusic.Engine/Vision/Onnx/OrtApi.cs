using System.Runtime.InteropServices;
using ImageToMusic.Engine.Native;

namespace ImageToMusic.Engine.Vision.Onnx;

/// <summary>
/// The slice of ONNX Runtime's C API this binding calls. OrtGetApiBase()->GetApi(version) returns the OrtApi struct,
/// a table of function pointers whose order is append-only across 1.x; each function is read at its index in that
/// struct. Indices were counted in microsoft/onnxruntime include/onnxruntime/core/session/onnxruntime_c_api.h
/// (every member counts, ORT_CLASS_RELEASE entries included) and cross-checked against a later copy of the header;
/// OrtApiTests round-trips a status through indices 0, 1, 2 and 93 as a live check.
/// C enums (OrtErrorCode, ONNXTensorElementDataType, ...) are int; size_t is nuint; OrtStatus* is IntPtr (null = OK).
/// </summary>
internal sealed unsafe class OrtApi
{
    /// <summary>ORT_API_VERSION of ONNX Runtime 1.30, the version build.sh fetches; older runtimes return no table.</summary>
    public const uint ApiVersion = 30;

    public const int ElementTypeFloat = 1;    // ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT
    private const int LoggingLevelWarning = 2; // ORT_LOGGING_LEVEL_WARNING
    private const int ArenaAllocator = 1;      // OrtArenaAllocator
    private const int MemTypeDefault = 0;      // OrtMemTypeDefault

    public readonly delegate* unmanaged[Cdecl]<int, byte*, IntPtr> CreateStatus;                                  // 0
    public readonly delegate* unmanaged[Cdecl]<IntPtr, int> GetErrorCode;                                         // 1
    public readonly delegate* unmanaged[Cdecl]<IntPtr, byte*> GetErrorMessage;                                    // 2
    public readonly delegate* unmanaged[Cdecl]<int, byte*, IntPtr*, IntPtr> CreateEnv;                            // 3
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void*, IntPtr, IntPtr*, IntPtr> CreateSession;             // 7 (path: char* UTF-8; wchar_t* on Windows)
    public readonly delegate* unmanaged[Cdecl]<IntPtr, IntPtr, byte**, IntPtr*, nuint, byte**, nuint, IntPtr*, IntPtr> Run; // 9
    public readonly delegate* unmanaged[Cdecl]<IntPtr*, IntPtr> CreateSessionOptions;                             // 10
    public readonly delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr> SetSessionExecutionMode;                      // 13
    public readonly delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr> SetSessionGraphOptimizationLevel;             // 23
    public readonly delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr> SetIntraOpNumThreads;                         // 24
    public readonly delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr> SetInterOpNumThreads;                         // 25
    public readonly delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr> SessionGetInputCount;                      // 30
    public readonly delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr> SessionGetOutputCount;                     // 31
    public readonly delegate* unmanaged[Cdecl]<IntPtr, nuint, IntPtr, byte**, IntPtr> SessionGetInputName;        // 36
    public readonly delegate* unmanaged[Cdecl]<IntPtr, nuint, IntPtr, byte**, IntPtr> SessionGetOutputName;       // 37
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void*, nuint, long*, nuint, int, IntPtr*, IntPtr> CreateTensorWithDataAsOrtValue; // 49
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void**, IntPtr> GetTensorMutableData;                      // 51
    public readonly delegate* unmanaged[Cdecl]<IntPtr, int*, IntPtr> GetTensorElementType;                        // 60
    public readonly delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr> GetDimensionsCount;                        // 61
    public readonly delegate* unmanaged[Cdecl]<IntPtr, long*, nuint, IntPtr> GetDimensions;                       // 62
    public readonly delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr> GetTensorShapeElementCount;                // 64
    public readonly delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr> GetTensorTypeAndShape;                    // 65
    public readonly delegate* unmanaged[Cdecl]<int, int, IntPtr*, IntPtr> CreateCpuMemoryInfo;                    // 69
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void*, IntPtr> AllocatorFree;                              // 76
    public readonly delegate* unmanaged[Cdecl]<IntPtr*, IntPtr> GetAllocatorWithDefaultOptions;                   // 78
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseStatus;                                       // 93
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseMemoryInfo;                                   // 94
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseSession;                                      // 95
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseValue;                                        // 96
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseTensorTypeAndShapeInfo;                       // 99
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseSessionOptions;                               // 100
    // ReleaseEnv (92) is never called: the one OrtEnv lives as long as the process.

    public string Version { get; }

    private static readonly Lazy<OrtApi> Table = new(() => new OrtApi());
    private static readonly Lazy<(IntPtr Env, OrtMemoryInfoHandle Cpu)> Shared = new(CreateShared);

    public static OrtApi Instance => Table.Value;

    /// <summary>The process-wide OrtEnv (warning log level), created on first use and never released.</summary>
    public static IntPtr Env => Shared.Value.Env;

    /// <summary>Describes plain CPU memory, for tensors over managed buffers.</summary>
    public static OrtMemoryInfoHandle CpuMemory => Shared.Value.Cpu;

    private OrtApi()
    {
        NativeLibraries.EnsureRegistered();
        var library = NativeLibraries.Load(NativeLibraries.OnnxRuntime);
        var getApiBase = (delegate* unmanaged[Cdecl]<void**>)NativeLibrary.GetExport(library, "OrtGetApiBase");
        void** apiBase = getApiBase(); // struct OrtApiBase { GetApi; GetVersionString; }
        var getApi = (delegate* unmanaged[Cdecl]<uint, void**>)apiBase[0];
        var getVersionString = (delegate* unmanaged[Cdecl]<byte*>)apiBase[1];
        Version = Marshal.PtrToStringUTF8((IntPtr)getVersionString()) ?? "";
        void** t = getApi(ApiVersion);
        if (t == null)
            throw new OnnxRuntimeException(1, $"ONNX Runtime {Version} does not provide C API version {ApiVersion} (needs 1.{ApiVersion} or later).");

        CreateStatus = (delegate* unmanaged[Cdecl]<int, byte*, IntPtr>)t[0];
        GetErrorCode = (delegate* unmanaged[Cdecl]<IntPtr, int>)t[1];
        GetErrorMessage = (delegate* unmanaged[Cdecl]<IntPtr, byte*>)t[2];
        CreateEnv = (delegate* unmanaged[Cdecl]<int, byte*, IntPtr*, IntPtr>)t[3];
        CreateSession = (delegate* unmanaged[Cdecl]<IntPtr, void*, IntPtr, IntPtr*, IntPtr>)t[7];
        Run = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, byte**, IntPtr*, nuint, byte**, nuint, IntPtr*, IntPtr>)t[9];
        CreateSessionOptions = (delegate* unmanaged[Cdecl]<IntPtr*, IntPtr>)t[10];
        SetSessionExecutionMode = (delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr>)t[13];
        SetSessionGraphOptimizationLevel = (delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr>)t[23];
        SetIntraOpNumThreads = (delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr>)t[24];
        SetInterOpNumThreads = (delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr>)t[25];
        SessionGetInputCount = (delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr>)t[30];
        SessionGetOutputCount = (delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr>)t[31];
        SessionGetInputName = (delegate* unmanaged[Cdecl]<IntPtr, nuint, IntPtr, byte**, IntPtr>)t[36];
        SessionGetOutputName = (delegate* unmanaged[Cdecl]<IntPtr, nuint, IntPtr, byte**, IntPtr>)t[37];
        CreateTensorWithDataAsOrtValue = (delegate* unmanaged[Cdecl]<IntPtr, void*, nuint, long*, nuint, int, IntPtr*, IntPtr>)t[49];
        GetTensorMutableData = (delegate* unmanaged[Cdecl]<IntPtr, void**, IntPtr>)t[51];
        GetTensorElementType = (delegate* unmanaged[Cdecl]<IntPtr, int*, IntPtr>)t[60];
        GetDimensionsCount = (delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr>)t[61];
        GetDimensions = (delegate* unmanaged[Cdecl]<IntPtr, long*, nuint, IntPtr>)t[62];
        GetTensorShapeElementCount = (delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr>)t[64];
        GetTensorTypeAndShape = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr>)t[65];
        CreateCpuMemoryInfo = (delegate* unmanaged[Cdecl]<int, int, IntPtr*, IntPtr>)t[69];
        AllocatorFree = (delegate* unmanaged[Cdecl]<IntPtr, void*, IntPtr>)t[76];
        GetAllocatorWithDefaultOptions = (delegate* unmanaged[Cdecl]<IntPtr*, IntPtr>)t[78];
        ReleaseStatus = (delegate* unmanaged[Cdecl]<IntPtr, void>)t[93];
        ReleaseMemoryInfo = (delegate* unmanaged[Cdecl]<IntPtr, void>)t[94];
        ReleaseSession = (delegate* unmanaged[Cdecl]<IntPtr, void>)t[95];
        ReleaseValue = (delegate* unmanaged[Cdecl]<IntPtr, void>)t[96];
        ReleaseTensorTypeAndShapeInfo = (delegate* unmanaged[Cdecl]<IntPtr, void>)t[99];
        ReleaseSessionOptions = (delegate* unmanaged[Cdecl]<IntPtr, void>)t[100];
    }

    private static (IntPtr, OrtMemoryInfoHandle) CreateShared()
    {
        var api = Instance;
        IntPtr env, cpu;
        fixed (byte* logId = "ImageToMusic\0"u8)
            api.Check(api.CreateEnv(LoggingLevelWarning, logId, &env));
        api.Check(api.CreateCpuMemoryInfo(ArenaAllocator, MemTypeDefault, &cpu));
        return (env, new OrtMemoryInfoHandle(cpu));
    }

    /// <summary>Throws when <paramref name="status"/> is an error, always releasing it; the message is ORT's own text,
    /// prefixed with <paramref name="context"/> unless ORT already mentions it.</summary>
    public void Check(IntPtr status, string? context = null)
    {
        if (status == IntPtr.Zero) return;
        int code;
        string message;
        try
        {
            code = GetErrorCode(status);
            message = Marshal.PtrToStringUTF8((IntPtr)GetErrorMessage(status)) ?? "";
        }
        finally
        {
            ReleaseStatus(status);
        }
        throw new OnnxRuntimeException(code, context is null || message.Contains(context) ? message : $"{context}: {message}");
    }
}
