using ImageToMusic.Engine.Vision.Onnx;

namespace ImageToMusic.Engine.Tests.Vision.Onnx;

/// <summary>Live check of the function-table indices that everything else relies on to report errors.</summary>
public sealed unsafe class OrtApiTests
{
    [Fact]
    public void A_status_round_trips_through_CreateStatus_GetErrorCode_GetErrorMessage_ReleaseStatus()
    {
        var api = OrtApi.Instance;
        IntPtr status;
        fixed (byte* message = "probe: ünïcödé\0"u8) status = api.CreateStatus(10, message); // index 0, ORT_INVALID_GRAPH

        Assert.NotEqual(IntPtr.Zero, status);
        Assert.Equal(10, api.GetErrorCode(status)); // index 1
        var error = Assert.Throws<OnnxRuntimeException>(() => api.Check(status)); // index 2, then ReleaseStatus (93)
        Assert.Equal(10, error.ErrorCode);
        Assert.Equal("probe: ünïcödé", error.Message);
    }

    [Fact]
    public void A_null_status_is_success()
    {
        OrtApi.Instance.Check(IntPtr.Zero);
    }
}
