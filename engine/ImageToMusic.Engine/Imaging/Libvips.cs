using NetVips;

namespace ImageToMusic.Engine.Imaging;

/// <summary>Process-wide libvips settings every decoder relies on, applied once before the first image is opened.</summary>
internal static class Libvips
{
    private static readonly Lazy<IReadOnlyList<string>> Configured = new(Configure);

    // Photo formats worth naming to a user, with the loader that must exist for each.
    private static readonly (string Name, string Loader)[] PhotoFormats =
    [
        ("JPEG", "jpegload_source"),
        ("PNG", "pngload_source"),
        ("WebP", "webpload_source"),
        ("GIF", "gifload_source"),
        ("TIFF", "tiffload_source"),
        ("HEIF/AVIF", "heifload_source"),
        ("JPEG 2000", "jp2kload_source"),
        ("JPEG XL", "jxlload_source"),
    ];

    /// <summary>Idempotent and thread-safe; throws when libvips cannot be loaded.</summary>
    public static void EnsureConfigured() => _ = Configured.Value;

    /// <summary>The photo formats this libvips build can load, e.g. "JPEG", "PNG", "HEIF/AVIF".</summary>
    public static IReadOnlyList<string> SupportedFormats => Configured.Value;

    /// <summary>
    /// Drops error text earlier work left in libvips' error buffer (loaders log recoverable trouble there, and the
    /// buffer is shared by the process), so that a failure's message carries only its own words. NetVips clears the
    /// buffer whenever it builds a <see cref="VipsException"/> from it and offers no other way to.
    /// </summary>
    public static void ClearErrors() => _ = new VipsException(string.Empty);

    /// <summary>libvips' own words from a NetVips failure: its message minus NetVips' first line, one clause per distinct line.</summary>
    public static string? Detail(VipsException failure)
    {
        var lines = failure.Message
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1)
            .Distinct()
            .ToArray();
        return lines.Length == 0 ? null : string.Join("; ", lines);
    }

    private static IReadOnlyList<string> Configure()
    {
        if (!ModuleInitializer.VipsInitialized)
            throw new InvalidOperationException(
                $"libvips failed to start: {ModuleInitializer.Exception?.Message ?? "no detail"}. It comes with the NetVips.Native package; run ./build.sh.");
        // Every decode sees new bytes, so a cached operation could only keep an old photo's pixels alive.
        Cache.Max = 0;
        // Uploads are untrusted: keep to the loaders libvips fuzzes (this drops SVG, among others).
        NetVips.NetVips.BlockUntrusted = true;
        // libvips reports every recoverable oddity of a damaged file as a GLib warning on stderr, a line per tile
        // ("error in tile 0 x 96"), hundreds for one bad upload, interleaved with the host's structured logs. What
        // matters reaches the caller as the typed rejection carrying libvips' own words, so the warnings are dropped.
        Log.SetLogHandler("VIPS", Enums.LogLevelFlags.Warning, (_, _, _) => { });
        return PhotoFormats
            .Where(format => NetVips.NetVips.TypeFind("VipsOperation", format.Loader) != 0)
            .Select(format => format.Name)
            .ToArray();
    }
}
