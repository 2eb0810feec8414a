using System.Globalization;
using NetVips;

namespace ImageToMusic.Engine.Imaging;

/// <summary>
/// Decodes with libvips (NetVips): guards on the encoded size and the header's dimensions, then lets thumbnail shrink
/// while loading (a JPEG is decoded straight at 1/2, 1/4 or 1/8 scale), which is several times faster than decoding in
/// full and resizing. Stateless and thread-safe.
/// </summary>
public sealed class VipsImageDecoder : IImageDecoder
{
    // 'truncated' makes a cut-off JPEG/PNG fail instead of coming back grey at the bottom, and is the lowest level
    // that does: 'error' and 'warning' also refuse camera files with harmless quirks. It travels in the loader's option
    // string because thumbnail hands only that string to the loader it picks.
    private const string LoaderOptions = "fail_on=truncated";
    private const int PreviewQuality = 82;
    // libjpeg can decode at 1/8 scale. thumbnail asks for that only when the whole shrink is ≥ 16, keeping a factor of
    // 2 for its own resampling, so a 12-megapixel photo going to 224² (shrink 13) is decoded at 1/4: four times the
    // pixels. Asking for 1/8 from a shrink of 8 cut the bench's 4000×3000 JPEG from about 80 to 60 ms; the DCT's 1/8
    // is a block average and the remaining 1–2× reduce smooths it (a test holds it near thumbnail's own result).
    private const int JpegShrinkOnLoad = 8;
    // A TIFF indexes every tile with an offset and a byte count (LONG + SHORT at the least).
    private const int MinTileIndexBytes = 6;

    private static readonly Lazy<IReadOnlyDictionary<int, string>> InterpretationNicks = new(() =>
        NetVips.NetVips.ValuesForEnum(NetVips.NetVips.TypeFromName("VipsInterpretation")).ToDictionary(kv => kv.Value, kv => kv.Key));

    public VipsImageDecoder(ImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Limits = limits;
        Libvips.EnsureConfigured();
    }

    public ImageLimits Limits { get; }

    /// <summary>Photo formats the loaded libvips can decode, e.g. "JPEG", "PNG", "HEIF/AVIF"; for help text.</summary>
    public static IReadOnlyList<string> SupportedFormats => Libvips.SupportedFormats;

    public DecodedImage Decode(ReadOnlySpan<byte> encoded)
    {
        RequireWithinLimits(encoded);
        Libvips.ClearErrors();
        // One copy of the bytes into a libvips blob, which both the header read and the shrinking load then share.
        using var source = Source.NewFromMemory(encoded);
        var header = ReadHeader(source, encoded);
        using var rgb = ShrinkToRgb(source, header, DecodedImage.Size, Enums.Size.Force, out var flattenedOn);
        RequireRgb224(rgb, header);
        return new DecodedImage(WithinDeadline(header, rgb, rgb.WriteToMemory<byte>), header with { FlattenedAlphaOn = flattenedOn });
    }

    /// <summary>
    /// A JPEG of the photo, upright, no larger than <paramref name="longestSide"/> on either side and with every
    /// metadata field removed (a photo's EXIF can carry where it was taken): what a survey page shows.
    /// Throws <see cref="ImageRejectedException"/> for the same input <see cref="Decode"/> refuses.
    /// </summary>
    public byte[] Preview(ReadOnlySpan<byte> encoded, int longestSide = 800)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(longestSide, 16);
        RequireWithinLimits(encoded);
        Libvips.ClearErrors();
        using var source = Source.NewFromMemory(encoded);
        var header = ReadHeader(source, encoded);
        using var rgb = ShrinkToRgb(source, header, longestSide, Enums.Size.Down, out _);
        return WithinDeadline(header, rgb, () => rgb.JpegsaveBuffer(q: PreviewQuality, keep: Enums.ForeignKeep.None));
    }

    private void RequireWithinLimits(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IsEmpty)
            throw new ImageRejectedException(ImageErrorKind.Empty, "The file is empty.");
        if (encoded.Length > Limits.MaxBytes)
            throw new ImageRejectedException(ImageErrorKind.TooLarge,
                $"The file is {FileSize(encoded.Length)}; the limit is {FileSize(Limits.MaxBytes)}.");
    }

    private SourceImageInfo ReadHeader(Source source, ReadOnlySpan<byte> encoded)
    {
        if (Image.FindLoadSource(source) is null)
            throw TiffDimensions.LooksLikeTiff(encoded)
                ? UnreadableTiff(encoded, null)
                : new ImageRejectedException(ImageErrorKind.UnsupportedFormat,
                    $"This file is not in an image format we can read. Supported formats: {string.Join(", ", SupportedFormats)}.");
        Libvips.ClearErrors();

        Image header;
        try
        {
            // Reads the header only: no pixel is decoded until something asks for one.
            header = Image.NewFromSource(source, LoaderOptions);
        }
        catch (VipsException failure)
        {
            throw TiffDimensions.LooksLikeTiff(encoded)
                ? UnreadableTiff(encoded, failure)
                : new ImageRejectedException(ImageErrorKind.Corrupt,
                    $"The image's header cannot be read; the file is damaged or incomplete.{NativeDetail(failure)}", failure);
        }

        using (header)
        {
            var orientation = IntField(header, "orientation") ?? 1;
            var swap = orientation is >= 5 and <= 8;
            if (TooManyPixels(header.Width, header.Height) is { } tooLarge) // only the first page is opened
                throw tooLarge;
            RequireFewEnoughTiles(header, encoded.Length);

            return new SourceImageInfo(
                Format: FormatName(header),
                Width: swap ? header.Height : header.Width,
                Height: swap ? header.Width : header.Height,
                Bands: header.Bands,
                Interpretation: InterpretationName(header.Interpretation),
                Pages: IntField(header, "n-pages") ?? 1,
                Orientation: orientation,
                FlattenedAlphaOn: null);
        }
    }

    private ImageRejectedException? TooManyPixels(long width, long height) => width * height > Limits.MaxPixels
        ? new ImageRejectedException(ImageErrorKind.TooLarge,
            $"The image is {width:N0}×{height:N0} pixels ({Megapixels(width * height)}); the limit is {Megapixels(Limits.MaxPixels)}.")
        : null;

    /// <summary>A TIFF libtiff will not open: too large when its own header says so, else damaged.</summary>
    private ImageRejectedException UnreadableTiff(ReadOnlySpan<byte> encoded, VipsException? failure)
    {
        if (TiffDimensions.Read(encoded) is var (width, height) && TooManyPixels(width, height) is { } tooLarge)
            return tooLarge;
        return new ImageRejectedException(ImageErrorKind.Corrupt,
            $"This TIFF file's header cannot be read; the file is damaged or incomplete.{(failure is null ? "" : NativeDetail(failure))}", failure);
    }

    /// <summary>Refuses a tiled image (TIFF) whose tiles would take too long to read, or that cannot index its tiles:
    /// every tile needs an offset and a byte count in the file, or libtiff ignores the tables and fails each tile read
    /// on its own.</summary>
    private void RequireFewEnoughTiles(Image header, long encodedBytes)
    {
        if (IntField(header, "tile-width") is not { } tileWidth || IntField(header, "tile-height") is not { } tileHeight || tileWidth <= 0 || tileHeight <= 0)
            return;
        long across = (header.Width + tileWidth - 1) / tileWidth, down = (header.Height + tileHeight - 1) / tileHeight;
        var tiles = across * down;
        if (tiles * MinTileIndexBytes > encodedBytes)
            throw new ImageRejectedException(ImageErrorKind.Corrupt,
                $"The image declares {tiles:N0} tiles of {tileWidth}×{tileHeight} pixels, but the file ({FileSize(encodedBytes)}) is too small to hold their index; it is damaged or forged.");
        var reads = across * Math.Max(down, DecodedImage.Size);
        if (reads > Limits.MaxTileReads)
            throw new ImageRejectedException(ImageErrorKind.TooLarge,
                $"The image is stored in {tiles:N0} tiles of {tileWidth}×{tileHeight} pixels, too many to decode in time; save it untiled (or with larger tiles) and try again.");
    }

    /// <summary>Writes the pipeline out, telling libvips to stop when the deadline passes; a stopped decode is too_large.</summary>
    private T WithinDeadline<T>(SourceImageInfo header, Image pipeline, Func<T> write)
    {
        var gate = new object();
        bool finished = false, killed = false;
        using var timer = new Timer(_ =>
        {
            lock (gate)
            {
                if (finished) return; // the image may be disposed once the write has returned
                killed = true;
                pipeline.SetKill(true);
            }
        }, null, Limits.DecodeDeadline, Timeout.InfiniteTimeSpan);
        try
        {
            return Run(header, write);
        }
        catch (ImageRejectedException failure) when (WasKilled())
        {
            throw new ImageRejectedException(ImageErrorKind.TooLarge,
                $"Decoding this {header.Format.ToUpperInvariant()} image ({header.Width:N0}×{header.Height:N0}) took longer than " +
                $"{Limits.DecodeDeadline.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture)} s, the limit for one photo, and was stopped.", failure);
        }
        finally
        {
            lock (gate) finished = true;
        }

        bool WasKilled()
        {
            lock (gate) return killed;
        }
    }

    /// <summary>The photo shrunk into a box of <paramref name="box"/>² by <paramref name="size"/>, as 8-bit sRGB.</summary>
    private Image ShrinkToRgb(Source source, SourceImageInfo header, int box, Enums.Size size, out AlphaBackground? flattenedOn)
    {
        // Rotates upright by EXIF orientation and loads the first page/frame only (both defaults); converts to sRGB
        // or B_W, importing CMYK through the embedded or libvips' fallback profile.
        var current = header.Format == "jpeg" && CommonShrink(header, box, size) >= JpegShrinkOnLoad
            ? Run(header, () =>
            {
                using var loaded = Image.NewFromSource(source, $"shrink={JpegShrinkOnLoad},{LoaderOptions}");
                return loaded.ThumbnailImage(box, height: box, size: size);
            })
            : Run(header, () => Image.ThumbnailSource(source, box, LoaderOptions, height: box, size: size));
        try
        {
            flattenedOn = current.HasAlpha() ? Limits.AlphaBackground : null;
            if (flattenedOn is { } background)
                current = Replace(current, Run(header, () => current.Flatten([WhiteOrBlack(current, background)])));
            if (current.Interpretation != Enums.Interpretation.Srgb || current.Bands != 3)
                current = Replace(current, Run(header, () => current.Colourspace(Enums.Interpretation.Srgb)));
            if (current.Format != Enums.BandFormat.Uchar)
                current = Replace(current, Run(header, () => current.Cast(Enums.BandFormat.Uchar)));
            return current;
        }
        catch
        {
            current.Dispose();
            throw;
        }
    }

    /// <summary>How many source pixels become one along the less-shrunk axis, as thumbnail reckons it.</summary>
    private static double CommonShrink(SourceImageInfo header, int box, Enums.Size size) => size == Enums.Size.Force
        ? Math.Min((double)header.Width / box, (double)header.Height / box)
        : Math.Max((double)header.Width / box, (double)header.Height / box);

    /// <summary>Steps the pipeline on: a libvips image holds a reference to the one it was made from, so the earlier one can go.</summary>
    private static Image Replace(Image previous, Image next)
    {
        previous.Dispose();
        return next;
    }

    /// <summary>The background level, repeated across bands: white is the interpretation's alpha maximum, which flatten also assumes.</summary>
    private static double WhiteOrBlack(Image image, AlphaBackground background) =>
        background == AlphaBackground.Black ? 0 : image.Interpretation switch
        {
            Enums.Interpretation.Grey16 or Enums.Interpretation.Rgb16 => 65535,
            Enums.Interpretation.Scrgb => 1,
            _ => 255,
        };

    private static void RequireRgb224(Image image, SourceImageInfo source)
    {
        if (image.Width != DecodedImage.Size || image.Height != DecodedImage.Size || image.Bands != 3 || image.Format != Enums.BandFormat.Uchar)
            throw new ImageRejectedException(ImageErrorKind.UnsupportedFormat,
                $"This {source.Format} image ({source.Bands} bands, {source.Interpretation}) cannot be turned into an RGB picture: " +
                $"libvips produced {image.Width}×{image.Height} with {image.Bands} bands of format {image.Format}.");
    }

    /// <summary>Runs one libvips step; its failure becomes the typed rejection. Pixels are decoded when written out, so
    /// that is where a damaged file usually reports itself.</summary>
    private static T Run<T>(SourceImageInfo source, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (VipsException failure)
        {
            throw Failure(source, failure);
        }
    }

    private static ImageRejectedException Failure(SourceImageInfo source, VipsException failure) =>
        source.Format == "heic"
            ? new ImageRejectedException(ImageErrorKind.UnsupportedFormat,
                $"This HEIC photo cannot be decoded: this build of libvips may lack an HEVC decoder (AVIF works). " +
                $"Convert it to JPEG and try again.{NativeDetail(failure)}", failure)
            : new ImageRejectedException(ImageErrorKind.Corrupt,
                $"This {source.Format.ToUpperInvariant()} file is damaged or incomplete and cannot be decoded.{NativeDetail(failure)}", failure);

    private static string NativeDetail(VipsException failure) => Libvips.Detail(failure) is { } text ? $" (libvips: {text})" : "";

    /// <summary>The loader's nickname without its "load_source" suffix, e.g. "jpeg"; HEIF says whether it is AVIF or HEIC.</summary>
    private static string FormatName(Image header)
    {
        var loader = StringField(header, "vips-loader") ?? "unknown";
        var format = loader.IndexOf("load", StringComparison.Ordinal) is var at and > 0 ? loader[..at] : loader;
        return (format, StringField(header, "heif-compression")) switch
        {
            ("heif", "av1") => "avif",
            ("heif", "hevc") => "heic",
            _ => format,
        };
    }

    private static string InterpretationName(Enums.Interpretation interpretation) =>
        InterpretationNicks.Value.TryGetValue((int)interpretation, out var nick) ? nick : interpretation.ToString().ToLowerInvariant();

    private static string? StringField(Image image, string field) =>
        image.GetTypeOf(field) != 0 && image.Get(field) is string value ? value : null;

    private static int? IntField(Image image, string field) =>
        image.GetTypeOf(field) != 0 && image.Get(field) is int value ? value : null;

    private static string FileSize(long bytes) => bytes < 1 << 20
        ? $"{bytes:N0} bytes"
        : $"{(bytes / 1048576.0).ToString("0.#", CultureInfo.InvariantCulture)} MB ({bytes:N0} bytes)";

    private static string Megapixels(long pixels) => (pixels / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + " megapixels";
}
