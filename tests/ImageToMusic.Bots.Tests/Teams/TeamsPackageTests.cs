using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;
using ImageToMusic.Bots.Teams;

namespace ImageToMusic.Bots.Tests.Teams;

/// <summary>The app package Teams accepts: the filled-in manifest and both icons at their sizes, drawn by libvips.</summary>
public sealed class TeamsPackageTests
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";

    [Fact]
    public void The_package_holds_the_filled_in_manifest_and_both_icons_at_their_sizes()
    {
        var zip = Path.Combine(TestData.NewTempFolder(), "teams.zip");

        TeamsAppPackage.Build(zip, AppId, "https://example.org/imagetomusic");

        using var package = ZipFile.OpenRead(zip);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], package.Entries.Select(e => e.FullName).Order());
        using var manifest = JsonDocument.Parse(package.GetEntry("manifest.json")!.Open());
        var root = manifest.RootElement;
        Assert.DoesNotContain("${{", root.GetRawText());
        Assert.Equal(AppId, root.GetProperty("id").GetString());
        Assert.Equal("https://example.org/imagetomusic", root.GetProperty("developer").GetProperty("privacyUrl").GetString());
        var bot = Assert.Single(root.GetProperty("bots").EnumerateArray());
        Assert.Equal(AppId, bot.GetProperty("botId").GetString());
        Assert.Equal(["groupChat", "personal", "team"], bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).Order());
        Assert.Equal("color.png", root.GetProperty("icons").GetProperty("color").GetString());
        Assert.Equal("outline.png", root.GetProperty("icons").GetProperty("outline").GetString());
        Assert.Equal((192, 192), PngSize(package, "color.png"));
        Assert.Equal((32, 32), PngSize(package, "outline.png"));
    }

    [Fact]
    public void The_manifest_asks_for_resource_specific_consent_to_read_channel_messages_for_this_app()
    {
        var zip = Path.Combine(TestData.NewTempFolder(), "teams.zip");

        TeamsAppPackage.Build(zip, AppId, "https://example.org/imagetomusic");

        using var package = ZipFile.OpenRead(zip);
        using var manifest = JsonDocument.Parse(package.GetEntry("manifest.json")!.Open());
        var root = manifest.RootElement;
        // Resource-specific permissions need manifest 1.12 or later, in authorization.permissions.resourceSpecific.
        Assert.True(Version.Parse(root.GetProperty("manifestVersion").GetString()!) >= new Version(1, 12));
        Assert.Contains($"/v{root.GetProperty("manifestVersion").GetString()}/", root.GetProperty("$schema").GetString());
        var permission = Assert.Single(root.GetProperty("authorization").GetProperty("permissions").GetProperty("resourceSpecific").EnumerateArray());
        Assert.Equal(("ChannelMessage.Read.Group", "Application"), (permission.GetProperty("name").GetString(), permission.GetProperty("type").GetString()));
        // ... and webApplicationInfo naming the bot's own Entra app, with a resource (unused by RSC, but it must have a value).
        var webApp = root.GetProperty("webApplicationInfo");
        Assert.Equal(AppId, webApp.GetProperty("id").GetString());
        Assert.False(string.IsNullOrWhiteSpace(webApp.GetProperty("resource").GetString()));
        // Channel messages reach only a bot installed in a team.
        Assert.Contains("team", root.GetProperty("bots")[0].GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public void The_outline_icon_is_white_on_transparent_and_the_colour_icon_is_opaque()
    {
        using var outline = NetVips.Image.NewFromBuffer(TeamsAppPackage.OutlineIcon());
        using var colour = NetVips.Image.NewFromBuffer(TeamsAppPackage.ColourIcon());

        Assert.Equal(4, outline.Bands);
        Assert.Equal([0, 0, 0, 0], outline.Getpoint(0, 0));          // corner: transparent
        Assert.Equal([255, 255, 255, 255], outline.Getpoint(16, 16)); // centre: opaque white
        Assert.Equal(3, colour.Bands);
        Assert.Equal([0x5B, 0x5F, 0xC7], colour.Getpoint(0, 0));      // the accent colour
        Assert.Equal([255, 255, 255], colour.Getpoint(96, 96 - 40));  // on the white ring
    }

    [Theory]
    [InlineData("not-a-guid", "https://example.org")]
    [InlineData(AppId, "http://example.org")]
    [InlineData(AppId, "example.org")]
    public void A_bad_app_id_or_website_is_refused_and_nothing_is_written(string appId, string website)
    {
        var zip = Path.Combine(TestData.NewTempFolder(), "teams.zip");

        Assert.Throws<ArgumentException>(() => TeamsAppPackage.Build(zip, appId, website));

        Assert.False(File.Exists(zip));
    }

    [Fact]
    public void A_placeholder_without_a_value_is_an_error_not_left_in_the_manifest()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            TeamsAppPackage.Fill("""{"id": "${{TEAMS_APP_ID}}", "x": "${{UNKNOWN}}"}""", new Dictionary<string, string> { ["TEAMS_APP_ID"] = AppId }));

        Assert.Contains("${{UNKNOWN}}", error.Message);
    }

    /// <summary>Width and height from the PNG's IHDR chunk (bytes 16–23, big-endian).</summary>
    private static (int, int) PngSize(ZipArchive package, string name)
    {
        using var stream = package.GetEntry(name)!.Open();
        var header = new byte[24];
        stream.ReadExactly(header);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, header[..4]);
        return (BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20)));
    }
}
