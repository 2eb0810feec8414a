using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;

namespace ImageToMusic.Bots.Tests.Teams;

/// <summary>bots/teams/build.sh makes an app package Teams accepts: the filled-in manifest and both icons at their sizes.</summary>
public sealed class TeamsPackageTests
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";

    [Fact]
    public void The_package_holds_the_filled_in_manifest_and_both_icons_at_their_sizes()
    {
        var zip = Path.Combine(TestData.NewTempFolder(), "teams.zip");
        var build = new ProcessStartInfo("bash", [Path.Combine(TestData.RepoRoot, "bots", "teams", "build.sh"), zip])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, Environment = { ["TEAMS_APP_ID"] = AppId },
        };
        using (var process = Process.Start(build)!)
        {
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, errors);
        }

        using var package = ZipFile.OpenRead(zip);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], package.Entries.Select(e => e.FullName).Order());
        using var manifest = JsonDocument.Parse(package.GetEntry("manifest.json")!.Open());
        var root = manifest.RootElement;
        Assert.DoesNotContain("${{", root.GetRawText());
        Assert.Equal(AppId, root.GetProperty("id").GetString());
        var bot = Assert.Single(root.GetProperty("bots").EnumerateArray());
        Assert.Equal(AppId, bot.GetProperty("botId").GetString());
        Assert.Equal(["groupChat", "personal", "team"], bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).Order());
        Assert.Equal("color.png", root.GetProperty("icons").GetProperty("color").GetString());
        Assert.Equal("outline.png", root.GetProperty("icons").GetProperty("outline").GetString());
        Assert.Equal((192, 192), PngSize(package, "color.png"));
        Assert.Equal((32, 32), PngSize(package, "outline.png"));
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
