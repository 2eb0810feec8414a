using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Imaging.Vips;

namespace ImageToMusic.Engine.Tests.Imaging;

/// <summary>Tests that read libvips' process-wide state (counters, error buffer) run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LibvipsProcessState
{
    public const string Name = "libvips process-wide state";
}

/// <summary>Nothing native outlives a decode: libvips' own tracked memory and live objects return to where they were.</summary>
[Collection(LibvipsProcessState.Name)]
public sealed class VipsImageDecoderLeakTests(ImageMagick magick) : IClassFixture<ImageMagick>
{
    private readonly VipsImageDecoder _decoder = new(ImageLimits.Default);

    private (long Memory, int Allocations, int Objects) Counters() =>
        (VipsProbe.TrackedMemory, VipsProbe.TrackedAllocations, VipsProbe.LiveObjects);

    // A thread's libvips cleanup runs as it exits, which can trail Thread.Join: counters are read once
    // they have stopped moving, or once they are back where expected.
    private (long, int, int) SettledCounters()
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        var reading = Counters();
        while (DateTime.UtcNow < deadline)
        {
            Thread.Sleep(100);
            var next = Counters();
            if (next == reading) break;
            reading = next;
        }
        return reading;
    }

    private (long, int, int) CountersOnceBackTo((long, int, int) expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (Counters() != expected && DateTime.UtcNow < deadline) Thread.Sleep(20);
        return Counters();
    }

    private static void OnThreadsThatEnd(int count, Action<int> work)
    {
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var threads = Enumerable.Range(0, count).Select(index => new Thread(() =>
        {
            try { work(index); }
            catch (Exception failure) { failures.Enqueue(failure); }
        })).ToArray();
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) thread.Join();
        if (!failures.IsEmpty) throw new AggregateException(failures);
    }

    private byte[][] GoodInputs() =>
    [
        magick.Convert("photo.jpg", "-size", "1600x1200", "plasma:", "-quality", "90"),
        magick.Convert("alpha.png", "-size", "300x200", "plasma:", "-alpha", "set", "-channel", "A", "-evaluate", "set", "50%"),
        magick.Convert("frames.gif", "-size", "120x80", "xc:red", "xc:blue"),
        magick.Convert("photo.webp", "-size", "640x480", "plasma:", "-quality", "80"),
        magick.Convert("cmyk.jpg", "-size", "200x200", "plasma:", "-colorspace", "CMYK"),
        HandMadeBytes.WithExifOrientation(magick.Convert("turned.jpg", "-size", "300x100", "plasma:"), 6),
    ];

    private byte[][] BadInputs()
    {
        var jpeg = magick.Convert("whole.jpg", "-size", "640x480", "plasma:", "-quality", "90");
        var png = magick.Convert("whole.png", "-size", "320x240", "plasma:");
        return
        [
            [],
            "not an image at all"u8.ToArray(),
            jpeg[..(jpeg.Length / 2)],
            png[..(png.Length / 2)],
            png[..24],
            HandMadeBytes.PngClaiming(60_000, 60_000),
        ];
    }

    [Fact]
    public void Hundreds_of_decodes_on_several_threads_leave_libvips_as_they_found_it()
    {
        var inputs = GoodInputs();
        var rejects = BadInputs();
        // libvips keeps a few pixel buffers per calling thread for reuse and frees them when the thread
        // exits; decoding on threads that end lets the counters come back exactly. The first pass
        // covers one-time allocations.
        OnThreadsThatEnd(1, _ => { foreach (var input in inputs) _decoder.Decode(input); });
        var before = SettledCounters();
        var heapBefore = NativeHeap.InUse;

        var decoded = 0;
        OnThreadsThatEnd(4, thread =>
        {
            for (var i = thread; i < 360; i += 4)
            {
                if (i % 4 == 3)
                    Assert.Throws<ImageRejectedException>(() => _decoder.Decode(rejects[i / 4 % rejects.Length]));
                else if (_decoder.Decode(inputs[i % inputs.Length]).Rgb.Length == DecodedImage.Size * DecodedImage.Size * 3)
                    Interlocked.Increment(ref decoded);
            }
        });

        Assert.Equal(270, decoded);
        Assert.Equal(before, CountersOnceBackTo(before));
        // Each decode returns its 147 KB of pixels through g_malloc; missing one g_free in five would add 8 MB.
        var heapGrowth = NativeHeap.InUse - heapBefore;
        Assert.True(heapGrowth < 8 << 20, $"the C heap grew by {heapGrowth / 1024} KB over 360 decodes");
    }

    [Fact]
    public void A_rejected_input_leaves_nothing_behind()
    {
        var rejects = BadInputs();
        OnThreadsThatEnd(1, _ => _decoder.Decode(GoodInputs()[0]));
        var before = SettledCounters();

        foreach (var input in rejects)
        {
            OnThreadsThatEnd(1, _ => Assert.Throws<ImageRejectedException>(() => _decoder.Decode(input)));
            Assert.Equal(before, CountersOnceBackTo(before));
        }
    }

    [Fact]
    public void The_counters_move_while_an_image_is_alive()
    {
        // Guards the tests above against counters that never move.
        var png = magick.Convert("alive.png", "-size", "256x256", "xc:red");
        var before = SettledCounters();

        OnThreadsThatEnd(1, _ => HoldAnImage(png, alive =>
        {
            Assert.True(alive.Objects >= before.Item3 + 2, $"objects {before} -> {alive}");
            Assert.True(alive.Memory >= before.Item1 + 256 * 256 * 3, $"memory {before} -> {alive}");
            Assert.True(alive.Allocations > before.Item2, $"allocations {before} -> {alive}");
        }));

        Assert.Equal(before, CountersOnceBackTo(before));
    }

    private unsafe void HoldAnImage(byte[] png, Action<(long Memory, int Allocations, int Objects)> whileAlive)
    {
        fixed (byte* data = png)
        {
            using var header = VipsApi.vips_image_new_from_buffer(data, (nuint)png.Length, "", IntPtr.Zero);
            using var pixels = VipsProbe.CopyToMemory(header);
            whileAlive(Counters());
        }
    }
}
