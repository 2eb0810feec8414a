using ImageToMusic.Bots.Discord;
using ImageToMusic.Engine.Fetching;
using ImageToMusic.Engine.Imaging;

namespace ImageToMusic.Bots.Tests.Discord;

/// <summary>
/// Attachment URLs as Discord's production settings see them: only Discord's CDN over https. Every case here is refused
/// before a name is resolved or a connection opened, so nothing leaves the machine.
/// </summary>
public sealed class AttachmentDownloadTests
{
    private static readonly FetchPolicy Production = new DiscordOptions(new string('a', 64)).AttachmentPolicy;

    [Theory]
    [InlineData("https://evil.example/photo.png")]
    [InlineData("https://cdn.discordapp.com.evil.example/photo.png")]
    [InlineData("http://cdn.discordapp.com/attachments/1/2/photo.png")]  // plain http
    [InlineData("https://user:pass@cdn.discordapp.com/attachments/1/2/photo.png")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://127.0.0.1/photo.png")]
    public async Task Anything_but_discords_cdn_over_https_is_refused_with_a_reply_that_says_nothing_of_why(string url)
    {
        using var http = new HttpClient(SafeFetcher.CreateHandler());
        var download = new AttachmentDownload(new SafeFetcher(http), Production, ImageLimits.Default);

        var refused = await Assert.ThrowsAsync<AttachmentUnavailableException>(() =>
            download.ReadAsync(new Attachment("1", "photo.png", 1000, url, "image/png"), default));

        Assert.Equal("the attachment could not be downloaded from Discord.", refused.Message);
        Assert.IsType<SourceRefusedException>(refused.InnerException);
    }

    [Fact]
    public void Production_allows_exactly_discords_cdn_hosts_over_https_and_a_stand_in_only_its_own_host()
    {
        Assert.Equal(["cdn.discordapp.com", "media.discordapp.net"], Production.AllowedHosts);
        Assert.False(Production.AllowPlainHttp);
        var standIn = new DiscordOptions(new string('a', 64), "http://127.0.0.1:5055/api/v10");
        Assert.Equal(["127.0.0.1"], standIn.AttachmentPolicy.AllowedHosts);
        Assert.True(standIn.AttachmentPolicy.AllowPlainHttp && standIn.AttachmentsFromLoopback);
        Assert.False(new DiscordOptions(new string('a', 64)).AttachmentsFromLoopback);
    }

    [Fact]
    public async Task An_attachment_declared_over_the_limit_is_refused_before_any_download()
    {
        using var http = new HttpClient(SafeFetcher.CreateHandler());
        var download = new AttachmentDownload(new SafeFetcher(http), Production, ImageLimits.Default with { MaxBytes = 1000 });

        var refused = await Assert.ThrowsAsync<ImageRejectedException>(() =>
            download.ReadAsync(new Attachment("1", "big.png", 5000, "https://cdn.discordapp.com/a/b/big.png", "image/png"), default));

        Assert.Equal(ImageErrorKind.TooLarge, refused.Kind);
    }
}
