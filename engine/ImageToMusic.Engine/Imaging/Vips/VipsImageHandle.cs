using Microsoft.Win32.SafeHandles;

namespace ImageToMusic.Engine.Imaging.Vips;

/// <summary>
/// Owns one reference to a VipsImage. libvips images are reference-counted GObjects; an operation's
/// output holds its own references to its inputs, so disposing a handle early never breaks a
/// pipeline that still uses the image.
/// </summary>
internal sealed class VipsImageHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    // The interop marshaller creates instances for out parameters and return values.
    public VipsImageHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        VipsApi.g_object_unref(handle);
        return true;
    }
}
