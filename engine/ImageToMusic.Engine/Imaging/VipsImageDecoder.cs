using System.Globalization;
using System.Runtime.InteropServices;
using ImageToMusic.Engine.Imaging.Vips;

namespace ImageToMusic.Engine.Imaging;

/// <summary>
/// Decodes with libvips: guards on the encoded size and the header's dimensions, then lets
/// thumbnail_buffer shrink while loading (a JPEG is decoded straight at 1/2, 1/4 or 1/8 scale), which
/// is several times faster than decoding in full and resizing. Stateless and thread-safe.
/// </summary>
public sealed class VipsImageDecoder : IImageDecoder
{
    // 'truncated' makes a cut-off JPEG/PNG fail instead of coming back grey at the bottom, and is the
    // lowest level that does: 'error' and 'warning' also refuse camera files with harmless quirks.
    // It travels in option_string because thumbnail_buffer hands only that string to the loader
    // (its own fail_on argument reaches the loader for files, not buffers, in 8.18).
    private const string LoaderOptions = "fail_on=truncated";

    public VipsImageDecoder(ImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Limits = limits;
        VipsRuntime.EnsureStarted();
    }

    public ImageLimits Limits { get; }

    /// <summary>Photo formats the loaded libvips can decode, e.g. "JPEG", "PNG", "HEIF/AVIF"; for help text.</summary>
    public static IReadOnlyList<string> SupportedFormats => VipsRuntime.SupportedFormats;

    public unsafe DecodedImage Decode(ReadOnlySpan<byte> encoded)
    {
        RequireWithinLimits(encoded);

        // libvips reads the bytes in place, lazily, until the last pixel is written out: they stay
        // pinned for the whole decode.
        fixed (byte* data = encoded)
        {
            var length = (nuint)encoded.Length;
            try
            {
                var source = ReadHeader(data, length);
                using var rgb = ShrinkToRgb(data, length, source, DecodedImage.Size, VipsApi.SizeForce, out var flattenedOn);
                RequireRgb224(rgb, source);
                return new DecodedImage(WriteToMemory(rgb, source), source with { FlattenedAlphaOn = flattenedOn });
            }
            finally
            {
                VipsRuntime.ClearError();
            }
        }
    }

    /// <summary>
    /// A JPEG of the photo, upright, no larger than <paramref name="longestSide"/> on either side and with every
    /// metadata field removed (a photo's EXIF can carry where it was taken): what a survey page shows.
    /// Throws <see cref="ImageRejectedException"/> for the same input <see cref="Decode"/> refuses.
    /// </summary>
    public unsafe byte[] Preview(ReadOnlySpan<byte> encoded, int longestSide = 800)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(longestSide, 16);
        RequireWithinLimits(encoded);
        fixed (byte* data = encoded)
        {
            var length = (nuint)encoded.Length;
            try
            {
                var source = ReadHeader(data, length);
                using var rgb = ShrinkToRgb(data, length, source, longestSide, VipsApi.SizeDown, out _);
                if (VipsApi.vips_jpegsave_buffer(rgb, out var buffer, out var size, "Q", PreviewQuality, "keep", VipsApi.KeepNone, IntPtr.Zero) != 0)
                    throw Failure(source);
                try
                {
                    return new ReadOnlySpan<byte>((void*)buffer, checked((int)size)).ToArray();
                }
                finally
                {
                    VipsApi.g_free(buffer);
                }
            }
            finally
            {
                VipsRuntime.ClearError();
            }
        }
    }

    private const int PreviewQuality = 82;

    private void RequireWithinLimits(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IsEmpty)
            throw new ImageRejectedException(ImageErrorKind.Empty, "The file is empty.");
        if (encoded.Length > Limits.MaxBytes)
            throw new ImageRejectedException(ImageErrorKind.TooLarge,
                $"The file is {FileSize(encoded.Length)}; the limit is {FileSize(Limits.MaxBytes)}.");
    }

    private unsafe SourceImageInfo ReadHeader(byte* data, nuint length)
    {
        if (VipsApi.vips_foreign_find_load_buffer(data, length) == IntPtr.Zero)
            throw new ImageRejectedException(ImageErrorKind.UnsupportedFormat,
                $"This file is not in an image format we can read. Supported formats: {string.Join(", ", SupportedFormats)}.");
        VipsRuntime.ClearError();

        using var header = VipsApi.vips_image_new_from_buffer(data, length, LoaderOptions, IntPtr.Zero);
        if (header.IsInvalid)
            throw new ImageRejectedException(ImageErrorKind.Corrupt,
                $"The image's header cannot be read; the file is damaged or incomplete.{NativeDetail()}");

        var swap = VipsApi.vips_image_get_orientation_swap(header) != 0;
        var storedWidth = VipsApi.vips_image_get_width(header);
        var storedHeight = VipsApi.vips_image_get_height(header); // only the first page is opened
        var pixels = (long)storedWidth * storedHeight;
        if (pixels > Limits.MaxPixels)
            throw new ImageRejectedException(ImageErrorKind.TooLarge,
                $"The image is {storedWidth:N0}×{storedHeight:N0} pixels ({Megapixels(pixels)}); the limit is {Megapixels(Limits.MaxPixels)}.");

        return new SourceImageInfo(
            Format: FormatName(header),
            Width: swap ? storedHeight : storedWidth,
            Height: swap ? storedWidth : storedHeight,
            Bands: VipsApi.vips_image_get_bands(header),
            Interpretation: VipsRuntime.InterpretationName(VipsApi.vips_image_get_interpretation(header)),
            Pages: VipsApi.vips_image_get_n_pages(header),
            Orientation: VipsApi.vips_image_get_orientation(header),
            FlattenedAlphaOn: null);
    }

    /// <summary>The photo shrunk into a box of <paramref name="box"/>² by <paramref name="sizeMode"/>, as 8-bit sRGB.</summary>
    private unsafe VipsImageHandle ShrinkToRgb(byte* data, nuint length, SourceImageInfo source, int box, int sizeMode, out AlphaBackground? flattenedOn)
    {
        // Rotates upright by EXIF orientation and loads the first page/frame only (both defaults);
        // converts to sRGB or B_W, importing CMYK through the embedded or libvips' fallback profile.
        var status = VipsApi.vips_thumbnail_buffer(data, length, out var thumbnail, box,
            "height", box, "size", sizeMode, "option_string", LoaderOptions, IntPtr.Zero);
        var current = Succeeded(status, thumbnail, source);
        try
        {
            flattenedOn = VipsApi.vips_image_hasalpha(current) != 0 ? Limits.AlphaBackground : null;
            if (flattenedOn is { } background)
                current = Replace(current, Flatten(current, background, source));
            if (VipsApi.vips_image_get_interpretation(current) != VipsApi.InterpretationSrgb || VipsApi.vips_image_get_bands(current) != 3)
                current = Replace(current, Succeeded(VipsApi.vips_colourspace(current, out var converted, VipsApi.InterpretationSrgb, IntPtr.Zero), converted, source));
            if (VipsApi.vips_image_get_format(current) != VipsApi.FormatUchar)
                current = Replace(current, Succeeded(VipsApi.vips_cast(current, out var cast, VipsApi.FormatUchar, IntPtr.Zero), cast, source));
            return current;
        }
        catch
        {
            current.Dispose();
            throw;
        }
    }

    /// <summary>Steps the pipeline on: a libvips image holds a reference to the one it was made from, so the earlier handle can go.</summary>
    private static VipsImageHandle Replace(VipsImageHandle previous, VipsImageHandle next)
    {
        previous.Dispose();
        return next;
    }

    private static VipsImageHandle Flatten(VipsImageHandle image, AlphaBackground background, SourceImageInfo source)
    {
        // One value is repeated across the bands; flatten's own max_alpha default follows the
        // interpretation (65535 for 16-bit), so white is that same maximum.
        var level = background == AlphaBackground.White
            ? VipsApi.vips_interpretation_max_alpha(VipsApi.vips_image_get_interpretation(image))
            : 0;
        var colour = VipsApi.vips_array_double_new([level], 1);
        try
        {
            var status = VipsApi.vips_flatten(image, out var flattened, "background", colour, IntPtr.Zero);
            return Succeeded(status, flattened, source);
        }
        finally
        {
            VipsApi.vips_area_unref(colour);
        }
    }

    private static void RequireRgb224(VipsImageHandle image, SourceImageInfo source)
    {
        var (width, height) = (VipsApi.vips_image_get_width(image), VipsApi.vips_image_get_height(image));
        var (bands, format) = (VipsApi.vips_image_get_bands(image), VipsApi.vips_image_get_format(image));
        if (width != DecodedImage.Size || height != DecodedImage.Size || bands != 3 || format != VipsApi.FormatUchar)
            throw new ImageRejectedException(ImageErrorKind.UnsupportedFormat,
                $"This {source.Format} image ({source.Bands} bands, {source.Interpretation}) cannot be turned into an RGB picture: " +
                $"libvips produced {width}×{height} with {bands} bands of format {format}.");
    }

    private static unsafe byte[] WriteToMemory(VipsImageHandle image, SourceImageInfo source)
    {
        // The pixels are decoded here, so this is where a damaged file usually reports itself.
        var memory = VipsApi.vips_image_write_to_memory(image, out var size);
        if (memory == IntPtr.Zero)
            throw Failure(source);
        try
        {
            return new ReadOnlySpan<byte>((void*)memory, checked((int)size)).ToArray();
        }
        finally
        {
            VipsApi.g_free(memory);
        }
    }

    private static VipsImageHandle Succeeded(int status, VipsImageHandle output, SourceImageInfo source)
    {
        if (status == 0) return output;
        output.Dispose();
        throw Failure(source);
    }

    private static ImageRejectedException Failure(SourceImageInfo source) =>
        source.Format == "heic"
            ? new ImageRejectedException(ImageErrorKind.UnsupportedFormat,
                $"This HEIC photo cannot be decoded: this build of libvips may lack an HEVC decoder (AVIF works). " +
                $"Convert it to JPEG and try again.{NativeDetail()}")
            : new ImageRejectedException(ImageErrorKind.Corrupt,
                $"This {source.Format.ToUpperInvariant()} file is damaged or incomplete and cannot be decoded.{NativeDetail()}");

    private static string NativeDetail() => VipsRuntime.TakeError() is { } text ? $" (libvips: {text})" : "";

    /// <summary>The loader's nickname without "load_buffer", e.g. "jpeg"; HEIF says whether it is AVIF or HEIC.</summary>
    private static string FormatName(VipsImageHandle header)
    {
        var loader = ReadString(header, "vips-loader") ?? "unknown";
        var format = loader.EndsWith("load_buffer", StringComparison.Ordinal) ? loader[..^"load_buffer".Length] : loader;
        return (format, ReadString(header, "heif-compression")) switch
        {
            ("heif", "av1") => "avif",
            ("heif", "hevc") => "heic",
            _ => format,
        };
    }

    private static string? ReadString(VipsImageHandle image, string field) =>
        VipsApi.vips_image_get_typeof(image, field) != 0 && VipsApi.vips_image_get_string(image, field, out var value) == 0
            ? Marshal.PtrToStringUTF8(value)
            : null;

    private static string FileSize(long bytes) => bytes < 1 << 20
        ? $"{bytes:N0} bytes"
        : $"{(bytes / 1048576.0).ToString("0.#", CultureInfo.InvariantCulture)} MB ({bytes:N0} bytes)";

    private static string Megapixels(long pixels) => (pixels / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + " megapixels";
}
