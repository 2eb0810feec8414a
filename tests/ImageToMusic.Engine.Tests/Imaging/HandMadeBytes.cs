using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ImageToMusic.Engine.Tests.Imaging;

/// <summary>Byte-level edits and files ImageMagick cannot be asked for: EXIF and ICC segments, a PNG bomb.</summary>
internal static class HandMadeBytes
{
    /// <summary>Inserts an APP1 EXIF segment whose only tag is Orientation (0x0112) right after the JPEG's SOI.</summary>
    public static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        var tiff = new byte[26];
        "MM\0*"u8.CopyTo(tiff);                                         // big-endian TIFF header
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(4), 8);       // IFD0 offset
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(8), 1);       // one entry
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(10), 0x0112); // Orientation
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(12), 3);      // SHORT
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(14), 1);      // count
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(18), orientation);
        // bytes 22..25: no next IFD
        return WithSegment(jpeg, 0xE1, [.. "Exif\0\0"u8, .. tiff]);
    }

    /// <summary>Inserts an APP2 ICC_PROFILE segment (single chunk) right after the JPEG's SOI.</summary>
    public static byte[] WithIccProfile(byte[] jpeg, byte[] profile) =>
        WithSegment(jpeg, 0xE2, [.. "ICC_PROFILE\0"u8, 1, 1, .. profile]);

    /// <summary>
    /// A CMYK→Lab printer profile (ICC v2, lut8) that maps every CMYK value to one Lab colour. A decoder
    /// that honours the embedded profile turns any CMYK pixel into that colour; one that ignores it does not.
    /// </summary>
    public static byte[] CmykProfileMappingEverythingTo(double l, double a, double b)
    {
        const int inputs = 4, outputs = 3, gridPoints = 2;
        var lut = new List<byte>();
        lut.AddRange("mft1"u8.ToArray());
        lut.AddRange(new byte[4]);
        lut.AddRange([inputs, outputs, gridPoints, 0]);
        for (var row = 0; row < 3; row++)                                // identity matrix, s15Fixed16
            for (var column = 0; column < 3; column++)
                lut.AddRange(BigEndian(row == column ? 0x10000u : 0u));
        for (var channel = 0; channel < inputs; channel++)               // identity input curves
            for (var i = 0; i < 256; i++) lut.Add((byte)i);
        var lab = new[] { (byte)Math.Round(l * 255 / 100), (byte)Math.Round(a + 128), (byte)Math.Round(b + 128) };
        for (var node = 0; node < Math.Pow(gridPoints, inputs); node++) lut.AddRange(lab);
        for (var channel = 0; channel < outputs; channel++)              // identity output curves
            for (var i = 0; i < 256; i++) lut.Add((byte)i);

        var whitePoint = new List<byte>();
        whitePoint.AddRange("XYZ "u8.ToArray());
        whitePoint.AddRange(new byte[4]);
        whitePoint.AddRange([.. BigEndian(0xF6D6), .. BigEndian(0x10000), .. BigEndian(0xD32D)]); // D50

        // The same table serves the perceptual, relative and saturation intents (tags may share data).
        const int tagCount = 4, tagTableEnd = 128 + 4 + tagCount * 12;
        var whitePointOffset = tagTableEnd;
        var lutOffset = whitePointOffset + whitePoint.Count;
        var size = lutOffset + lut.Count;

        var profile = new List<byte>();
        profile.AddRange(BigEndian((uint)size));
        profile.AddRange(new byte[4]);                                   // CMM
        profile.AddRange(BigEndian(0x02100000));                        // version 2.1
        profile.AddRange("prtrCMYKLab "u8.ToArray());                    // class, colour space, PCS
        profile.AddRange(new byte[12]);                                  // date
        profile.AddRange("acsp"u8.ToArray());
        profile.AddRange(new byte[24]);                                  // platform .. attributes
        profile.AddRange(new byte[4]);                                   // intent: perceptual
        profile.AddRange([.. BigEndian(0xF6D6), .. BigEndian(0x10000), .. BigEndian(0xD32D)]); // illuminant D50
        profile.AddRange(new byte[128 - profile.Count]);
        profile.AddRange(BigEndian(tagCount));
        AddTag(profile, "wtpt", whitePointOffset, whitePoint.Count);
        foreach (var intentTag in new[] { "A2B0", "A2B1", "A2B2" }) AddTag(profile, intentTag, lutOffset, lut.Count);
        profile.AddRange(whitePoint);
        profile.AddRange(lut);
        return [.. profile];
    }

    /// <summary>
    /// A valid PNG whose header claims width×height RGB pixels but whose image data is a few bytes:
    /// a decompression bomb's shape, harmless unless something allocates what the header promises.
    /// </summary>
    public static byte[] PngClaiming(uint width, uint height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;                                                   // bit depth
        header[9] = 2;                                                   // colour type RGB
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize))
            zlib.Write(new byte[64]);                                    // the start of the first row
        using var png = new MemoryStream();
        png.Write([0x89, .. "PNG\r\n"u8, 0x1A, (byte)'\n']);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>
    /// Puts a stray restart marker in the middle of the entropy-coded data: libjpeg warns "Corrupt JPEG
    /// data: premature end of data segment" and carries on, as it does for many camera files.
    /// </summary>
    public static byte[] WithStrayMarkerInScan(byte[] jpeg)
    {
        var startOfScan = jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xDA]);
        var at = startOfScan + (jpeg.Length - startOfScan) / 2;
        while (jpeg[at] == 0xFF || jpeg[at - 1] == 0xFF) at++;
        return [.. jpeg.AsSpan(0, at), 0xFF, 0xD5, .. jpeg.AsSpan(at)];
    }

    /// <summary>Breaks the checksum of the first IDAT chunk, leaving the pixel data itself intact.</summary>
    public static byte[] WithBadImageDataChecksum(byte[] png)
    {
        var damaged = png.ToArray();
        var type = damaged.AsSpan().IndexOf("IDAT"u8);
        var length = BinaryPrimitives.ReadUInt32BigEndian(damaged.AsSpan(type - 4));
        damaged[type + 4 + (int)length] ^= 0xFF;
        return damaged;
    }

    private static byte[] WithSegment(byte[] jpeg, byte marker, byte[] payload)
    {
        if (jpeg[0] != 0xFF || jpeg[1] != 0xD8) throw new ArgumentException("Not a JPEG (no SOI).", nameof(jpeg));
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), checked((ushort)(2 + payload.Length)));
        payload.CopyTo(segment, 4);
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }

    private static void AddTag(List<byte> profile, string signature, int offset, int size)
    {
        profile.AddRange(Encoding.ASCII.GetBytes(signature));
        profile.AddRange(BigEndian((uint)offset));
        profile.AddRange(BigEndian((uint)size));
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        png.Write(length);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        png.Write(BigEndian(Crc32(typed)));
    }

    private static byte[] BigEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in data)
        {
            crc ^= value;
            for (var bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>
    /// The 1-band 8-bit tiled TIFF of issue 13's red-team pass: it declares <paramref name="width"/>×<paramref name="height"/>
    /// pixels in <paramref name="tile"/>² tiles, but its tile tables hold one entry pointing past the end of the file.
    /// </summary>
    public static byte[] TiledTiffClaiming(int width, int height, ushort tile)
    {
        // (tag, type, value): SHORT = 3, LONG = 4; tags in ascending order as TIFF requires.
        (ushort Tag, ushort Type, uint Value)[] entries =
        [
            (256, 4, (uint)width), (257, 4, (uint)height), (258, 3, 8), (259, 3, 1), (262, 3, 1),
            (277, 3, 1), (322, 3, tile), (323, 3, tile), (324, 4, 100_000), (325, 4, 256),
        ];
        var tiff = new byte[8 + 2 + 12 * entries.Length + 4];
        "II*\0"u8.CopyTo(tiff);                                           // little-endian TIFF header
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);       // IFD0 offset
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(8), (ushort)entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = tiff.AsSpan(10 + 12 * i);
            BinaryPrimitives.WriteUInt16LittleEndian(entry, entries[i].Tag);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], entries[i].Type);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], 1);        // count
            if (entries[i].Type == 3) BinaryPrimitives.WriteUInt16LittleEndian(entry[8..], (ushort)entries[i].Value);
            else BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], entries[i].Value);
        }
        return tiff;                                                       // the last 4 bytes: no next IFD
    }
}
