using System.Buffers.Binary;

namespace ImageToMusic.Engine.Imaging;

/// <summary>
/// Reads the width and height a classic TIFF's first directory declares, without libtiff. Used only when libvips will
/// not open a file that starts like a TIFF: libtiff refuses some forged headers outright (a 60,000×60,000 picture in
/// 16×16 tiles needs tile tables it will not allocate), and the user should hear that the picture is too large, not
/// that TIFF is not a format we read.
/// </summary>
internal static class TiffDimensions
{
    private const ushort ImageWidth = 256, ImageLength = 257, Short = 3, Long = 4;

    public static bool LooksLikeTiff(ReadOnlySpan<byte> file) =>
        file.Length >= 8 && (file[..4].SequenceEqual("II*\0"u8) || file[..4].SequenceEqual("MM\0*"u8));

    public static (long Width, long Height)? Read(ReadOnlySpan<byte> file)
    {
        if (!LooksLikeTiff(file))
            return null;
        var little = file[0] == (byte)'I';
        var directory = U32(file[4..]);
        if (directory > (uint)file.Length - 2)
            return null;
        int entries = U16(file[(int)directory..]);
        long? width = null, height = null;
        for (var i = 0; i < entries; i++)
        {
            var at = (int)directory + 2 + 12 * i;
            if (at + 12 > file.Length)
                return null;
            var entry = file.Slice(at, 12);
            var (tag, type) = (U16(entry), U16(entry[2..]));
            long? value = type switch { Short => U16(entry[8..]), Long => U32(entry[8..]), _ => null };
            if (tag == ImageWidth) width = value;
            else if (tag == ImageLength) height = value;
        }
        return width is { } w && height is { } h ? (w, h) : null;

        ushort U16(ReadOnlySpan<byte> b) => little ? BinaryPrimitives.ReadUInt16LittleEndian(b) : BinaryPrimitives.ReadUInt16BigEndian(b);
        uint U32(ReadOnlySpan<byte> b) => little ? BinaryPrimitives.ReadUInt32LittleEndian(b) : BinaryPrimitives.ReadUInt32BigEndian(b);
    }
}
