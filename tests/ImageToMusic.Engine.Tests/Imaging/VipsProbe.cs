using System.Runtime.InteropServices;
using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Imaging.Vips;
using ImageToMusic.Engine.Native;

namespace ImageToMusic.Engine.Tests.Imaging;

/// <summary>
/// Reads libvips' own bookkeeping, for tests only: memory it tracks, and the VipsObjects alive (every
/// image and operation registers itself in a global table until finalised). Exports are called through
/// function pointers so the test assembly needs no DllImport resolver of its own.
/// </summary>
internal static unsafe class VipsProbe
{
    private static readonly IntPtr Library = StartedLibrary();

    /// <summary>Bytes libvips currently holds through its tracked allocator (pixel buffers, caches).</summary>
    public static long TrackedMemory => (long)((delegate* unmanaged<nuint>)Export("vips_tracked_get_mem"))();

    /// <summary>Number of live tracked allocations.</summary>
    public static int TrackedAllocations => ((delegate* unmanaged<int>)Export("vips_tracked_get_allocs"))();

    /// <summary>VipsObjects (images, operations, sources) currently alive.</summary>
    public static int LiveObjects
    {
        get
        {
            var count = 0;
            ((delegate* unmanaged<delegate* unmanaged<IntPtr, IntPtr, IntPtr, IntPtr>, IntPtr, IntPtr, IntPtr>)Export("vips_object_map"))(
                &CountOne, (IntPtr)(&count), IntPtr.Zero);
            return count;
        }
    }

    /// <summary>Decodes the whole image into a new memory image (its pixels are tracked memory).</summary>
    public static VipsImageHandle CopyToMemory(VipsImageHandle image)
    {
        var copy = new VipsImageHandle();
        Marshal.InitHandle(copy, ((delegate* unmanaged<IntPtr, IntPtr>)Export("vips_image_copy_memory"))(image.DangerousGetHandle()));
        return copy;
    }

    public static void SetConcurrency(int threads) => ((delegate* unmanaged<int, void>)Export("vips_concurrency_set"))(threads);

    /// <summary>The nick libvips gives an enum value, e.g. ("vips_size_get_type", 3) → "force".</summary>
    public static string? EnumNick(string getTypeFunction, int value)
    {
        var type = ((delegate* unmanaged<nuint>)Export(getTypeFunction))();
        return Marshal.PtrToStringUTF8(((delegate* unmanaged<nuint, int, IntPtr>)Export("vips_enum_nick"))(type, value));
    }

    [UnmanagedCallersOnly]
    private static IntPtr CountOne(IntPtr vipsObject, IntPtr counter, IntPtr unused)
    {
        *(int*)counter += 1;
        return IntPtr.Zero; // keep iterating
    }

    private static IntPtr Export(string name) => NativeLibrary.GetExport(Library, name);

    private static IntPtr StartedLibrary()
    {
        _ = VipsImageDecoder.SupportedFormats; // starts libvips the way the decoder does
        return NativeLibraries.Load(NativeLibraries.Vips);
    }
}
