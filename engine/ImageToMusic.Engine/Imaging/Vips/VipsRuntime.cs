using System.Runtime.InteropServices;

namespace ImageToMusic.Engine.Imaging.Vips;

/// <summary>Process-wide libvips state: started once, and the error text it leaves behind.</summary>
internal static class VipsRuntime
{
    private static readonly Lazy<IReadOnlyList<string>> Started = new(Start);

    // Photo formats worth naming to a user, with the buffer loader that must exist for each.
    private static readonly (string Name, string Loader)[] PhotoFormats =
    [
        ("JPEG", "jpegload_buffer"),
        ("PNG", "pngload_buffer"),
        ("WebP", "webpload_buffer"),
        ("GIF", "gifload_buffer"),
        ("TIFF", "tiffload_buffer"),
        ("HEIF/AVIF", "heifload_buffer"),
        ("JPEG 2000", "jp2kload_buffer"),
        ("JPEG XL", "jxlload_buffer"),
    ];

    /// <summary>Starts libvips (idempotent, thread-safe); throws when the library is missing or will not start.</summary>
    public static void EnsureStarted() => _ = Started.Value;

    /// <summary>The photo formats this libvips build can load from memory.</summary>
    public static IReadOnlyList<string> SupportedFormats => Started.Value;

    private static IReadOnlyList<string> Start()
    {
        if (VipsApi.vips_init("imagetomusic") != 0)
            throw new InvalidOperationException($"libvips failed to start: {TakeError() ?? "no detail"}");
        // A cached operation would keep pointing at its input buffer (managed memory, unpinned once a
        // decode returns) and keep its pixels alive; every decode sees new bytes, so caching can only hurt.
        VipsApi.vips_cache_set_max(0);
        // Uploads are untrusted: keep to the loaders libvips fuzzes (this drops SVG, among others).
        VipsApi.vips_block_untrusted_set(1);
        return PhotoFormats
            .Where(format => VipsApi.vips_type_find("VipsOperation", format.Loader) != 0)
            .Select(format => format.Name)
            .ToArray();
    }

    /// <summary>
    /// Takes libvips' error text and clears it. The buffer is shared by every thread, so under load
    /// it may also hold another decode's words, or have been cleared by one; callers treat it as
    /// detail for a message, never as a signal.
    /// </summary>
    public static string? TakeError()
    {
        var copy = VipsApi.vips_error_buffer_copy();
        try
        {
            var lines = (Marshal.PtrToStringUTF8(copy) ?? "")
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct()
                .ToArray();
            return lines.Length == 0 ? null : string.Join("; ", lines);
        }
        finally
        {
            VipsApi.g_free(copy);
        }
    }

    /// <summary>
    /// Drops error text a successful step left (loaders log recoverable trouble there). The buffer has a
    /// fixed size and ignores appends once full, so it must not be left to accumulate.
    /// </summary>
    public static void ClearError() => VipsApi.vips_error_clear();

    public static string InterpretationName(int interpretation) =>
        Marshal.PtrToStringUTF8(VipsApi.vips_enum_nick(VipsApi.vips_interpretation_get_type(), interpretation))
        ?? interpretation.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
