using System.Buffers.Binary;
using ImageToMusic.Engine.Imaging;
using NetVips;

namespace ImageToMusic.Cli.Robustness;

/// <summary>One input for the robustness sweep: what was done to which photo, and the bytes.</summary>
internal sealed record MutatedFile(string Kind, string Origin, byte[] Bytes);

/// <summary>
/// Damages real photos the ways files arrive damaged or forged — flipped bits, cut short, another format's header,
/// dimensions that promise a bomb, the wrong kind of file altogether — plus fixed decoder bombs. Seeded: the same
/// photos give the same files every run.
/// </summary>
internal static class PhotoMutations
{
    private static readonly (string Kind, Func<byte[], Random, byte[]> Mutate)[] PerPhoto =
    [
        ("bit_flips_1", (b, r) => FlipBits(b, r, 1)),
        ("bit_flips_10", (b, r) => FlipBits(b, r, 10)),
        ("bit_flips_100", (b, r) => FlipBits(b, r, 100)),
        ("truncated_to_1_byte", (b, _) => b[..1]),
        ("truncated_10pct", (b, _) => b[..(b.Length / 10)]),
        ("truncated_50pct", (b, _) => b[..(b.Length / 2)]),
        ("truncated_90pct", (b, _) => b[..(b.Length * 9 / 10)]),
        ("blocks_swapped", SwapBlocks),
        ("header_png", (b, _) => WithHeader(b, [0x89, .. "PNG\r\n"u8, 0x1A, (byte)'\n'])),
        ("header_gif", (b, _) => WithHeader(b, "GIF89a"u8.ToArray())),
        ("header_tiff", (b, _) => WithHeader(b, "II*\0"u8.ToArray())),
        ("header_webp", (b, _) => WithHeader(b, [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBPVP8 "u8])),
        ("declared_65500x65500", (b, _) => WithJpegDimensions(b, 65500, 65500)),
        ("declared_10000x9999", (b, _) => WithJpegDimensions(b, 10000, 9999)),
        ("declared_1x60000", (b, _) => WithJpegDimensions(b, 1, 60000)),
        ("reencoded_png", (b, _) => Reencoded(b, ".png")),
        ("reencoded_webp", (b, _) => Reencoded(b, ".webp")),
        ("reencoded_tiff", (b, _) => Reencoded(b, ".tif")),
        ("reencoded_gif", (b, _) => Reencoded(b, ".gif")),
        ("zeros", (b, _) => new byte[b.Length]),
        ("random_bytes", (b, r) => { var noise = new byte[b.Length]; r.NextBytes(noise); return noise; }),
    ];

    public static int KindsPerPhoto => PerPhoto.Length;

    public static IEnumerable<MutatedFile> Of(IReadOnlyList<(string Name, byte[] Bytes)> photos, int seed)
    {
        var random = new Random(seed);
        foreach (var (name, bytes) in photos)
            foreach (var (kind, mutate) in PerPhoto)
                yield return new MutatedFile(kind, name, mutate(bytes, random));
        foreach (var bomb in Bombs())
            yield return bomb;
    }

    /// <summary>Decoder bombs that need no photo: forged headers, and well-formed files that are costly by design.</summary>
    private static IEnumerable<MutatedFile> Bombs()
    {
        yield return new("bomb_tiff_1000000x1_untabled_tiles", "-", ForgedImages.TiledTiffClaiming(1_000_000, 1, tile: 16));
        yield return new("bomb_tiff_10000x10000_untabled_tiles", "-", ForgedImages.TiledTiffClaiming(10_000, 10_000, tile: 16));
        yield return new("bomb_tiff_60000x60000_untabled_tiles", "-", ForgedImages.TiledTiffClaiming(60_000, 60_000, tile: 16));
        yield return new("bomb_png_60000x60000", "-", ForgedImages.PngClaiming(60_000, 60_000));
        yield return new("bomb_png_10000x10000", "-", ForgedImages.PngClaiming(10_000, 10_000));
        using (var strip = (Image.Black(1_000_000, 16) + 100).Cast(Enums.BandFormat.Uchar))
            yield return new("bomb_tiff_1000000x16_in_16px_tiles", "-", strip.TiffsaveBuffer(tile: true, tileWidth: 16, tileHeight: 16, compression: Enums.ForeignTiffCompression.Deflate));
        using (var flat = (Image.Black(10_000, 10_000) + 90).Cast(Enums.BandFormat.Uchar))
            yield return new("bomb_png_100_megapixels_flat", "-", flat.PngsaveBuffer(compression: 9));
        using (var frames = (Image.Black(64, 64 * 2000) + 50).Cast(Enums.BandFormat.Uchar))
            yield return new("gif_2000_frames", "-", frames.GifsaveBuffer(pageHeight: 64));
    }

    private static byte[] FlipBits(byte[] bytes, Random random, int count)
    {
        var flipped = bytes.ToArray();
        for (var i = 0; i < count; i++) flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
        return flipped;
    }

    private static byte[] SwapBlocks(byte[] bytes, Random random)
    {
        var swapped = bytes.ToArray();
        const int block = 64;
        if (swapped.Length < 4 * block) return swapped;
        int a = random.Next(swapped.Length / 4, swapped.Length / 2), b = random.Next(swapped.Length / 2, swapped.Length - block);
        var temp = swapped.AsSpan(a, block).ToArray();
        swapped.AsSpan(b, block).CopyTo(swapped.AsSpan(a));
        temp.CopyTo(swapped.AsSpan(b));
        return swapped;
    }

    private static byte[] WithHeader(byte[] bytes, byte[] header)
    {
        var changed = bytes.ToArray();
        header.AsSpan(0, Math.Min(header.Length, changed.Length)).CopyTo(changed);
        return changed;
    }

    /// <summary>Rewrites the height and width of the JPEG's first start-of-frame segment (SOF0–SOF2).</summary>
    private static byte[] WithJpegDimensions(byte[] jpeg, ushort width, ushort height)
    {
        var changed = jpeg.ToArray();
        for (var i = 2; i + 9 < changed.Length; i++)
            if (changed[i] == 0xFF && changed[i + 1] is 0xC0 or 0xC1 or 0xC2)
            {
                BinaryPrimitives.WriteUInt16BigEndian(changed.AsSpan(i + 5), height);
                BinaryPrimitives.WriteUInt16BigEndian(changed.AsSpan(i + 7), width);
                break;
            }
        return changed;
    }

    private static byte[] Reencoded(byte[] photo, string suffix)
    {
        using var image = Image.NewFromBuffer(photo);
        return image.WriteToBuffer(suffix);
    }
}
