using System.Runtime.InteropServices;

namespace ImageToMusic.Engine.Tests.Imaging;

/// <summary>
/// Bytes in use on the C heap (glibc, all arenas, mmapped blocks included). libvips allocates pixel
/// buffers through its tracked allocator but hands results back through plain g_malloc, which only
/// this sees.
/// </summary>
internal static class NativeHeap
{
    [StructLayout(LayoutKind.Sequential)]
    private struct MallInfo2
    {
        public nuint Arena, OrdBlks, SmBlks, HBlks, HBlkHd, UsmBlks, FsmBlks, UordBlks, FordBlks, KeepCost;
    }

    [DllImport("libc", EntryPoint = "mallinfo2")]
    private static extern MallInfo2 Info();

    public static long InUse
    {
        get
        {
            var info = Info();
            return (long)(info.UordBlks + info.HBlkHd);
        }
    }
}
