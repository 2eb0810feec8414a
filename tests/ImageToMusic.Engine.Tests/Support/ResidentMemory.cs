using System.Runtime;

namespace ImageToMusic.Engine.Tests;

/// <summary>The process's resident set size, read after the managed heap has been collected and compacted.</summary>
internal static class ResidentMemory
{
    public static long Settled()
    {
        for (var i = 0; i < 3; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]) * 1024; // "VmRSS:   123456 kB"
    }
}
