using ImageToMusic.Engine.Imaging;
using NetVips;

namespace ImageToMusic.Engine.Tests.Imaging;

/// <summary>Tests that read libvips' process-wide state (counters, error buffer) run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LibvipsProcessState
{
    public const string Name = "libvips process-wide state";
}

/// <summary>Nothing native outlives a decode: libvips' own tracked memory, allocations and open files return to where they were.</summary>
[Collection(LibvipsProcessState.Name)]
public sealed class VipsImageDecoderLeakTests
{
    private readonly VipsImageDecoder _decoder = new(ImageLimits.Default);

    private static (long Memory, int Allocations, int Files) Counters() => (Stats.Mem, Stats.Allocations, Stats.Files);

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
        TestImages.TexturedJpeg(1600, 1200),
        TestImages.Png(TestImages.Textured(300, 200).Bandjoin(128)),
        TestImages.AnimatedGif(120, 80, [255, 0, 0], [0, 0, 255]),
        TestImages.Encode(TestImages.Textured(640, 480), "webp", quality: 80),
        TestImages.AsCmyk(TestImages.Textured(200, 200)).JpegsaveBuffer(),
        TestImages.JpegWithOrientation(TestImages.Textured(300, 100), 6),
    ];

    private byte[][] BadInputs()
    {
        var jpeg = TestImages.TexturedJpeg(640, 480);
        var png = TestImages.TexturedPng(320, 240);
        return
        [
            [],
            "not an image at all"u8.ToArray(),
            jpeg[..(jpeg.Length / 2)],
            png[..(png.Length / 2)],
            png[..24],
            ForgedImages.PngClaiming(60_000, 60_000),
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
    }

    [Fact]
    public void Thousands_of_decodes_leave_resident_memory_flat()
    {
        // Each decode's pixels come back through a g_malloc'd buffer NetVips frees and copies of the encoded bytes go
        // into libvips blobs, neither of which libvips' counters see; resident memory does. Leaking only the 147 KB
        // result of each of these decodes would hold 290 MB; the margin is 48 MB. A first round of the same shape
        // lets the C heap's per-thread arenas and the GC heap reach their working size.
        var inputs = GoodInputs();
        const int decodes = 2000;
        void Round(int count) => OnThreadsThatEnd(4, thread =>
        {
            for (var i = thread; i < count; i += 4) _decoder.Decode(inputs[i % inputs.Length]);
        });
        Round(400);

        var before = ResidentMemory.Settled();
        Round(decodes);
        var growth = ResidentMemory.Settled() - before;

        Assert.True(growth < 48 << 20, $"resident memory grew by {growth >> 10} KB over {decodes} decodes");
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
        var png = TestImages.Png(TestImages.Solid(256, 256, 255, 0, 0));
        var before = SettledCounters();

        OnThreadsThatEnd(1, _ => HoldAnImage(png, alive =>
        {
            Assert.True(alive.Memory >= before.Item1 + 256 * 256 * 3, $"memory {before} -> {alive}");
            Assert.True(alive.Allocations > before.Item2, $"allocations {before} -> {alive}");
        }));

        Assert.Equal(before, CountersOnceBackTo(before));
    }

    private static void HoldAnImage(byte[] png, Action<(long Memory, int Allocations, int Files)> whileAlive)
    {
        using var header = Image.NewFromBuffer(png);
        using var pixels = header.CopyMemory(); // decodes every pixel into memory libvips tracks
        whileAlive(Counters());
    }
}
