using Microsoft.Win32.SafeHandles;

namespace ImageToMusic.Engine.Vision.Onnx;

// Owners of ONNX Runtime objects: each releases its object once with the matching Release* from the OrtApi table,
// on Dispose or, failing that, on finalization. Handles are only made after OrtApi.Instance loaded the table.

internal abstract class OrtHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    protected OrtHandle(IntPtr raw) : base(ownsHandle: true) => SetHandle(raw);
}

internal sealed unsafe class OrtSessionHandle(IntPtr raw) : OrtHandle(raw)
{
    protected override bool ReleaseHandle() { OrtApi.Instance.ReleaseSession(handle); return true; }
}

internal sealed unsafe class OrtSessionOptionsHandle(IntPtr raw) : OrtHandle(raw)
{
    protected override bool ReleaseHandle() { OrtApi.Instance.ReleaseSessionOptions(handle); return true; }
}

internal sealed unsafe class OrtValueHandle(IntPtr raw) : OrtHandle(raw)
{
    protected override bool ReleaseHandle() { OrtApi.Instance.ReleaseValue(handle); return true; }
}

internal sealed unsafe class OrtMemoryInfoHandle(IntPtr raw) : OrtHandle(raw)
{
    protected override bool ReleaseHandle() { OrtApi.Instance.ReleaseMemoryInfo(handle); return true; }
}
