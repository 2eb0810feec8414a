using System.Runtime.InteropServices;
using ImageToMusic.Engine.Native;

namespace ImageToMusic.Engine.Imaging.Vips;

/// <summary>
/// The slice of the libvips C API the decoder uses. Variadic functions are declared with a fixed
/// arity per call shape: options are name/value pairs of ints, pointers or strings ending in a null
/// pointer. Never pass a double through a variadic slot: a fixed-arity call does not tell a variadic
/// callee which vector registers hold arguments (%al on x86-64), so it could read garbage. Doubles
/// travel inside a VipsArrayDouble.
/// </summary>
internal static class VipsApi
{
    static VipsApi() => NativeLibraries.EnsureRegistered();

    // Enum values from libvips 8.18 (include/vips/resample.h, image.h, enumtypes); VipsApiTests asserts
    // each against the loaded library's own nick, so a mismatched build fails loudly.
    /// <summary>VipsSize: BOTH=0, UP=1, DOWN=2, FORCE=3 (break the aspect ratio to hit width×height).</summary>
    public const int SizeForce = 3;
    /// <summary>VipsSize DOWN: only ever shrink, keeping the aspect ratio.</summary>
    public const int SizeDown = 2;
    /// <summary>VipsForeignKeep NONE: save no metadata (EXIF, XMP, IPTC, ICC) at all.</summary>
    public const int KeepNone = 0;
    /// <summary>VipsInterpretation VIPS_INTERPRETATION_sRGB, nick "srgb".</summary>
    public const int InterpretationSrgb = 22;
    /// <summary>VipsBandFormat VIPS_FORMAT_UCHAR, nick "uchar".</summary>
    public const int FormatUchar = 0;

    [DllImport(NativeLibraries.Vips)] public static extern int vips_init(string argv0);
    [DllImport(NativeLibraries.Vips)] public static extern void vips_cache_set_max(int max);
    [DllImport(NativeLibraries.Vips)] public static extern void vips_block_untrusted_set(int state);
    [DllImport(NativeLibraries.Vips)] public static extern nuint vips_type_find(string basename, string nickname);

    /// <summary>Copies and clears the (process-wide) error buffer; free the copy with g_free.</summary>
    [DllImport(NativeLibraries.Vips)] public static extern IntPtr vips_error_buffer_copy();
    [DllImport(NativeLibraries.Vips)] public static extern void vips_error_clear();
    [DllImport(NativeLibraries.Vips)] public static extern void g_free(IntPtr memory);
    [DllImport(NativeLibraries.Vips)] public static extern void g_object_unref(IntPtr gobject);

    /// <summary>The loader's GType name, e.g. "VipsForeignLoadJpegBuffer" (static, not to be freed), or null.</summary>
    [DllImport(NativeLibraries.Vips)] public static extern unsafe IntPtr vips_foreign_find_load_buffer(byte* data, nuint size);

    /// <summary>Reads the header only; pixels are decoded on demand. The buffer is not copied.</summary>
    [DllImport(NativeLibraries.Vips)]
    public static extern unsafe VipsImageHandle vips_image_new_from_buffer(byte* data, nuint size, string optionString, IntPtr end);

    /// <summary>The buffer is not copied: it must stay pinned until the output has been written.</summary>
    [DllImport(NativeLibraries.Vips)]
    public static extern unsafe int vips_thumbnail_buffer(byte* data, nuint length, out VipsImageHandle output, int width,
        string heightName, int height, string sizeName, int sizeMode, string optionStringName, string optionString, IntPtr end);

    [DllImport(NativeLibraries.Vips)]
    public static extern int vips_flatten(VipsImageHandle input, out VipsImageHandle output, string backgroundName, IntPtr background, IntPtr end);

    [DllImport(NativeLibraries.Vips)]
    public static extern int vips_colourspace(VipsImageHandle input, out VipsImageHandle output, int space, IntPtr end);

    /// <summary>Encodes to a g_malloc'd JPEG buffer (free with g_free).</summary>
    [DllImport(NativeLibraries.Vips)]
    public static extern int vips_jpegsave_buffer(VipsImageHandle input, out IntPtr buffer, out nuint length, string qualityName, int quality,
        string keepName, int keep, IntPtr end);

    [DllImport(NativeLibraries.Vips)]
    public static extern int vips_cast(VipsImageHandle input, out VipsImageHandle output, int format, IntPtr end);

    /// <summary>Runs the pipeline; returns a g_malloc'd buffer (free with g_free) or null.</summary>
    [DllImport(NativeLibraries.Vips)] public static extern IntPtr vips_image_write_to_memory(VipsImageHandle image, out nuint size);

    [DllImport(NativeLibraries.Vips)] public static extern IntPtr vips_array_double_new(double[] values, int count);
    [DllImport(NativeLibraries.Vips)] public static extern void vips_area_unref(IntPtr area);

    [DllImport(NativeLibraries.Vips)] public static extern int vips_image_get_width(VipsImageHandle image);
    [DllImport(NativeLibraries.Vips)] public static extern int vips_image_get_height(VipsImageHandle image);
    [DllImport(NativeLibraries.Vips)] public static extern int vips_image_get_bands(VipsImageHandle image);
    [DllImport(NativeLibraries.Vips)] public static extern int vips_image_get_format(VipsImageHandle image);
    [DllImport(NativeLibraries.Vips)] public static extern int vips_image_get_interpretation(VipsImageHandle image);
    [DllImport(NativeLibraries.Vips)] public static extern int vips_image_get_n_pages(VipsImageHandle image);
    [DllImport(NativeLibraries.Vips)] public static extern int vips_image_get_orientation(VipsImageHandle image);
    [DllImport(NativeLibraries.Vips)] public static extern int vips_image_get_orientation_swap(VipsImageHandle image);
    [DllImport(NativeLibraries.Vips)] public static extern int vips_image_hasalpha(VipsImageHandle image);
    [DllImport(NativeLibraries.Vips)] public static extern double vips_interpretation_max_alpha(int interpretation);

    /// <summary>The GType of a metadata field, 0 when the image has no such field.</summary>
    [DllImport(NativeLibraries.Vips)] public static extern nuint vips_image_get_typeof(VipsImageHandle image, string name);
    /// <summary>The string belongs to the image: copy it, never free it.</summary>
    [DllImport(NativeLibraries.Vips)] public static extern int vips_image_get_string(VipsImageHandle image, string name, out IntPtr value);

    [DllImport(NativeLibraries.Vips)] public static extern nuint vips_interpretation_get_type();
    /// <summary>A static string, e.g. "srgb" for (interpretation type, 22).</summary>
    [DllImport(NativeLibraries.Vips)] public static extern IntPtr vips_enum_nick(nuint enumType, int value);
}
