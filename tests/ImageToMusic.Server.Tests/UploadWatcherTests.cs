using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ImageToMusic.Engine.Imaging;
using ImageToMusic.Server.Tests.Support;
using ImageToMusic.Server.Uploads;
using Microsoft.Extensions.Time.Testing;

namespace ImageToMusic.Server.Tests;

/// <summary>The folder watcher `serve` runs: files copied in slowly are read once, whole; a restart decodes nothing.</summary>
public sealed class UploadWatcherTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100), Settle = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The 200-photo test's settle time. Its writers pause 150 ms between chunks, but on a 2-core machine running other
    /// test classes beside it a writer was seen to stall past 1 s, and a file that stalls longer than the settle time
    /// is (rightly) read half-written. The default (2 s) and more leave room for that.
    /// </summary>
    private static readonly TimeSpan ChunkedSettle = TimeSpan.FromSeconds(3);

    [Emotion6Fact]
    public async Task Two_hundred_photos_written_in_chunks_give_two_hundred_analyses_no_failure_and_a_restart_decodes_none()
    {
        await using var app = await RunningApp.StartAsync();
        var folder = ((LocalFolderUploads)app.Uploads).Folder;
        var analyzer = app.Recommender.Analyzer;
        var photos = Directory.GetFiles(TestData.Emotion6Images, "*.jpg", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(200).ToArray();
        var lines = new ConcurrentQueue<string>();
        using var watcher = new UploadWatcher(app.Uploads, app.UploadAnalysisOn(TimeProvider.System), TimeProvider.System, Poll, ChunkedSettle, lines.Enqueue);
        await watcher.StartAsync(CancellationToken.None);

        // Each photo in three chunks 150 ms apart (a copy over a slow link), 25 being written at any time.
        await Parallel.ForEachAsync(photos.Select((path, i) => (path, i)), new ParallelOptions { MaxDegreeOfParallelism = 25 }, async (photo, cancellation) =>
        {
            var bytes = await File.ReadAllBytesAsync(photo.path, cancellation);
            await using var file = new FileStream(Path.Combine(folder, $"photo-{photo.i:000}.jpg"), FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite);
            var third = bytes.Length / 3;
            foreach (var chunk in new[] { bytes[..third], bytes[third..(2 * third)], bytes[(2 * third)..] })
            {
                await file.WriteAsync(chunk, cancellation);
                await file.FlushAsync(cancellation);
                await Task.Delay(150, cancellation);
            }
        });
        const string Analysed = @"^uploads/photo-\d{3}\.jpg \(""[0-9a-f]{16}""\): analysis \S+, 5 tracks$";
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (lines.Count(line => Regex.IsMatch(line, Analysed)) < photos.Length && DateTime.UtcNow < deadline) await Task.Delay(200);
        await watcher.StopAsync(CancellationToken.None);

        // Each photo analysed once, complete. A listing taken while a starved writer was still between chunks can
        // deliver a photo again once its last chunk lands; that delivery must find the analysis and decode nothing.
        var seen = string.Join("\n", lines.Order());
        var analysed = lines.Where(line => Regex.IsMatch(line, Analysed)).ToList();
        Assert.True(photos.Length == analysed.Count, $"{analysed.Count} analyses of {photos.Length} photos:\n{seen}");
        Assert.True(photos.Length == analysed.Select(line => line.Split(' ')[0]).Distinct().Count(), $"a photo analysed twice:\n{seen}");
        Assert.All(lines.Except(analysed), line => Assert.EndsWith("not decoded again", line));
        Assert.True(photos.Length == analyzer.PhotosDecoded, $"{analyzer.PhotosDecoded} decodes for {lines.Count} deliveries:\n{seen}");

        // A restarted watcher remembers nothing and delivers every file again; none is decoded.
        var afterRestart = new ConcurrentQueue<string>();
        using var restarted = new UploadWatcher(app.Uploads, app.UploadAnalysisOn(TimeProvider.System), TimeProvider.System, Poll, TimeSpan.Zero, afterRestart.Enqueue);
        Assert.Equal(photos.Length, await restarted.PollOnceAsync(CancellationToken.None));
        Assert.All(afterRestart, line => Assert.EndsWith("not decoded again", line));
        Assert.True(photos.Length == analyzer.PhotosDecoded, $"{analyzer.PhotosDecoded} decodes after the restart");
    }

    [Fact]
    public async Task A_file_still_growing_is_not_read_until_it_has_kept_its_size_and_time_for_the_settle_period()
    {
        await using var app = await RunningApp.StartAsync();
        var folder = ((LocalFolderUploads)app.Uploads).Folder;
        var clock = new FakeTimeProvider();
        var lines = new List<string>();
        using var watcher = new UploadWatcher(app.Uploads, app.UploadAnalysisOn(clock), clock, Poll, Settle, lines.Add);
        var path = Path.Combine(folder, "growing.jpg");

        await File.WriteAllBytesAsync(path, [0xFF, 0xD8, 0xFF]);                      // the first bytes of a JPEG
        Assert.Equal(0, await watcher.PollOnceAsync(CancellationToken.None));        // first seen
        clock.Advance(TimeSpan.FromMilliseconds(600));
        await File.AppendAllTextAsync(path, "more");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(1));               // a later write, whatever the file system's resolution
        Assert.Equal(0, await watcher.PollOnceAsync(CancellationToken.None));        // changed: the settle period starts again
        clock.Advance(TimeSpan.FromMilliseconds(600));
        Assert.Equal(0, await watcher.PollOnceAsync(CancellationToken.None));        // unchanged for 0.6 s only
        clock.Advance(TimeSpan.FromMilliseconds(600));
        Assert.Equal(1, await watcher.PollOnceAsync(CancellationToken.None));        // unchanged for 1.2 s: read
        Assert.Equal(0, await watcher.PollOnceAsync(CancellationToken.None));        // and only once

        Assert.Contains("uploads/growing.jpg", Assert.Single(lines));
        Assert.Equal(1, app.Recommender.Analyzer.PhotosDecoded);
    }

    [Emotion6Fact]
    public async Task A_photo_dropped_behind_a_decoder_bomb_is_analysed_and_the_bomb_is_recorded_refused()
    {
        await using var app = await RunningApp.StartAsync();
        var folder = ((LocalFolderUploads)app.Uploads).Folder;
        // Named to sort first: the watcher delivers in name order, so the photo waits behind the bomb.
        await File.WriteAllBytesAsync(Path.Combine(folder, "a-bomb.tif"), ForgedImages.TiledTiffClaiming(1_000_000, 1, tile: 16));
        File.Copy(Path.Combine(TestData.Emotion6Images, "joy", "3.jpg"), Path.Combine(folder, "b-photo.jpg"));
        var lines = new List<string>();
        using var watcher = new UploadWatcher(app.Uploads, app.UploadAnalysisOn(TimeProvider.System), TimeProvider.System, Poll, TimeSpan.Zero, lines.Add);

        Assert.Equal(2, await watcher.PollOnceAsync(CancellationToken.None));

        Assert.Contains("a-bomb.tif", lines[0]);
        Assert.Contains(": corrupt: The image declares 62,500 tiles", lines[0]);
        Assert.Matches(@"^uploads/b-photo\.jpg .*: analysis \S+, 5 tracks$", lines[1]);
    }
}
