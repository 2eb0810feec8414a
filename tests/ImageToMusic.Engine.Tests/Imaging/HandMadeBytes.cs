using System.Buffers.Binary;
using System.Text;

namespace ImageToMusic.Engine.Tests.Imaging;

/// <summary>Byte-level edits and files libvips cannot be asked for: EXIF and ICC segments, damaged checksums.</summary>
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

    private static byte[] BigEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
