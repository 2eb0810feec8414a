using System.Runtime.InteropServices;

namespace ImageToMusic.Cli;

/// <summary>What every `bench` report shares: the machine it ran on and how latencies are summarised.</summary>
internal static class Measurements
{
    public sealed record MachineInfo(int Cores, string Os, string Runtime, string Cpu);

    public static MachineInfo Machine() => new(Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, CpuName());

    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static string CpuName() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";
}
