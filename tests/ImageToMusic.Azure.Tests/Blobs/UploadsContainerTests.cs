using ImageToMusic.Azure.Blobs;
using ImageToMusic.Azure.Tests.Support;
using ImageToMusic.Engine.Imaging;

namespace ImageToMusic.Azure.Tests.Blobs;

public sealed class UploadsContainerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Reads_back_the_uploaded_bytes_with_their_etag_type_and_size()
    {
        var uploads = await azurite.NewContainerAsync();
        var bytes = RandomBytes(300_000);

        var etag = await uploads.UploadAsync("photo.jpg", bytes, "image/jpeg");
        var photo = await uploads.ReadAsync("photo.jpg", maxBytes: 1_000_000);

        Assert.Equal("photo.jpg", photo.Name);
        Assert.Equal(bytes, photo.Bytes);
        Assert.Equal(etag, photo.ETag);
        Assert.Equal("image/jpeg", photo.ContentType);
        Assert.Equal(bytes.Length, photo.Size);
    }

    [Fact]
    public async Task Listing_gives_each_blob_with_its_current_etag()
    {
        var uploads = await azurite.NewContainerAsync();
        var a = await uploads.UploadAsync("a.jpg", RandomBytes(10));
        await uploads.UploadAsync("b.jpg", RandomBytes(10));
        var b = await uploads.UploadAsync("b.jpg", RandomBytes(12));

        var listed = await uploads.ListAsync();

        Assert.Equal([new BlobVersion("a.jpg", a), new BlobVersion("b.jpg", b)], listed.OrderBy(v => v.Name));
    }

    [Fact]
    public async Task Reading_a_rewritten_blob_gives_the_new_version()
    {
        var uploads = await azurite.NewContainerAsync();
        var first = await uploads.UploadAsync("photo.png", RandomBytes(10));
        var second = await uploads.UploadAsync("photo.png", RandomBytes(20));

        var photo = await uploads.ReadAsync("photo.png", maxBytes: 100);

        Assert.NotEqual(first, second);
        Assert.Equal(second, photo.ETag);
        Assert.Equal(20, photo.Bytes.Length);
    }

    [Fact]
    public async Task A_blob_over_the_limit_is_refused_as_too_large_without_downloading_it()
    {
        var log = new RequestLog();
        var uploads = await azurite.NewContainerAsync(log);
        await uploads.UploadAsync("big.jpg", RandomBytes(2 * 1048576 + 1));
        var before = log.Methods.Count;

        var e = await Assert.ThrowsAsync<ImageRejectedException>(() => uploads.ReadAsync("big.jpg", maxBytes: 2 * 1048576));

        Assert.Equal(ImageErrorKind.TooLarge, e.Kind);
        Assert.Contains("big.jpg is 2.0 MB; the limit is 2.0 MB", e.Message);
        Assert.Equal(["HEAD"], log.Methods.Skip(before));
    }

    [Fact]
    public async Task An_empty_blob_is_refused_as_empty()
    {
        var uploads = await azurite.NewContainerAsync();
        await uploads.UploadAsync("empty.jpg", []);

        var e = await Assert.ThrowsAsync<ImageRejectedException>(() => uploads.ReadAsync("empty.jpg", maxBytes: 100));

        Assert.Equal(ImageErrorKind.Empty, e.Kind);
    }

    [Fact]
    public async Task A_missing_blob_is_a_file_not_found_naming_blob_and_container()
    {
        var uploads = await azurite.NewContainerAsync();

        var e = await Assert.ThrowsAsync<FileNotFoundException>(() => uploads.ReadAsync("nope.jpg", maxBytes: 100));

        Assert.Equal($"No blob named 'nope.jpg' in container '{uploads.Name}'.", e.Message);
        Assert.Equal("nope.jpg", e.FileName);
    }

    [Fact]
    public async Task Ensuring_an_existing_container_exists_again_is_harmless()
    {
        var uploads = await azurite.NewContainerAsync();
        await uploads.UploadAsync("kept.jpg", RandomBytes(5));

        await uploads.EnsureExistsAsync();

        Assert.Equal(5, (await uploads.ReadAsync("kept.jpg", 100)).Size);
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }
}
