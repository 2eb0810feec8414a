using ImageToMusic.Azure.Blobs;
using ImageToMusic.Azure.Tests.Support;

namespace ImageToMusic.Azure.Tests.Blobs;

public sealed class BlobCreatedPollerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_new_blob_is_reported_once()
    {
        var uploads = await azurite.NewContainerAsync();
        var poller = new BlobCreatedPoller(uploads);
        Assert.Empty(await poller.PollAsync());

        var etag = await uploads.UploadAsync("a.jpg", [1, 2, 3]);

        Assert.Equal([new BlobVersion("a.jpg", etag)], await poller.PollAsync());
        Assert.Empty(await poller.PollAsync());
    }

    [Fact]
    public async Task An_overwritten_blob_is_reported_again_with_its_new_etag()
    {
        var uploads = await azurite.NewContainerAsync();
        var poller = new BlobCreatedPoller(uploads);
        await uploads.UploadAsync("a.jpg", [1, 2, 3]);
        await uploads.UploadAsync("untouched.jpg", [9]);
        await poller.PollAsync();

        var etag = await uploads.UploadAsync("a.jpg", [4, 5, 6]);

        Assert.Equal([new BlobVersion("a.jpg", etag)], await poller.PollAsync());
        Assert.Empty(await poller.PollAsync());
    }

    [Fact]
    public async Task The_first_poll_reports_blobs_already_there()
    {
        var uploads = await azurite.NewContainerAsync();
        var a = await uploads.UploadAsync("a.jpg", [1]);
        var b = await uploads.UploadAsync("b.jpg", [2]);

        var created = await new BlobCreatedPoller(uploads).PollAsync();

        Assert.Equal([new BlobVersion("a.jpg", a), new BlobVersion("b.jpg", b)], created.OrderBy(v => v.Name));
    }
}
