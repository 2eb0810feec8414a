using System.Reflection;
using System.Runtime.InteropServices;

namespace ImageToMusic.Engine.Native;

/// <summary>
/// Finds the native engines build.sh fetched (libvips, ONNX Runtime). They are looked up in
/// IMAGETOMUSIC_NATIVE_DIR, then in the app's own native/ folder, then on the system, so a
/// deployment can swap in its own builds without recompiling.
/// </summary>
internal static class NativeLibraries
{
    public const string Vips = "imagetomusic-vips";
    public const string OnnxRuntime = "imagetomusic-onnxruntime";

    private static readonly Dictionary<string, string[]> Candidates = new()
    {
        [Vips] = ["libvips-cpp.so.8.18.7", "libvips.so.42"],
        [OnnxRuntime] = ["libonnxruntime.so.1"],
    };

    private static int _registered;

    /// <summary>Idempotent; called by every binding's static constructor before its first P/Invoke.</summary>
    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
            NativeLibrary.SetDllImportResolver(typeof(NativeLibraries).Assembly, Resolve);
    }

    public static IEnumerable<string> SearchDirectories()
    {
        var configured = Environment.GetEnvironmentVariable("IMAGETOMUSIC_NATIVE_DIR");
        if (!string.IsNullOrWhiteSpace(configured)) yield return configured;
        yield return Path.Combine(AppContext.BaseDirectory, "native");
    }

    /// <summary>Loads a library by logical name; throws with the places searched when it is nowhere.</summary>
    public static IntPtr Load(string logicalName)
    {
        var names = Candidates[logicalName];
        foreach (var dir in SearchDirectories())
            foreach (var file in names)
            {
                var path = Path.Combine(dir, file);
                if (File.Exists(path)) return NativeLibrary.Load(path);
            }
        foreach (var file in names)
            if (NativeLibrary.TryLoad(file, out var handle)) return handle;
        throw new DllNotFoundException(
            $"Native library {string.Join(" or ", names)} not found in {string.Join(", ", SearchDirectories())} " +
            "or on the system. Run ./build.sh, or set IMAGETOMUSIC_NATIVE_DIR to the folder holding it.");
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        Candidates.ContainsKey(name) ? Load(name) : IntPtr.Zero;
}
