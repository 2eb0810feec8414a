using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ImageToMusic.Engine.Imaging;

/// <summary>
/// Files shaped like decoder bombs: headers that promise far more than the bytes hold. Harmless unless a decoder
/// believes them; `bench robustness` and the decoder's tests feed them in to check that it does not.
/// </summary>
public static class ForgedImages
{
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
    /// The 1-band 8-bit tiled TIFF of the red-team pass (issue 13): it declares <paramref name="width"/>×<paramref name="height"/>
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
    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        png.Write(length);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
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
}
