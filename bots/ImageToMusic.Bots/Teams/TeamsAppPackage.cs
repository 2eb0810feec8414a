using System.IO.Compression;
using System.Reflection;
using System.Text.RegularExpressions;
using NetVips;

namespace ImageToMusic.Bots.Teams;

/// <summary>
/// The Teams app package a tenant admin uploads or a developer sideloads: bots/teams/manifest.json with its
/// <c>${{NAME}}</c> placeholders filled, and the two icons Teams asks for, drawn here by libvips so no image file
/// lives in the repository.
/// </summary>
public static partial class TeamsAppPackage
{
    public const string DefaultWebsiteUrl = "https://github.com/";
    private const string Accent = "#5B5FC7";

    /// <summary>Writes the zip to <paramref name="zipPath"/> (replacing it only once complete).</summary>
    public static void Build(string zipPath, string appId, string websiteUrl = DefaultWebsiteUrl)
    {
        if (!Guid.TryParse(appId, out _))
            throw new ArgumentException($"The Teams app id must be the bot's Microsoft App ID (a GUID), not '{appId}'.", nameof(appId));
        if (!Uri.TryCreate(websiteUrl, UriKind.Absolute, out var website) || website.Scheme != Uri.UriSchemeHttps)
            throw new ArgumentException($"The website URL must be an absolute https URL, not '{websiteUrl}'.", nameof(websiteUrl));

        var manifest = Fill(ManifestTemplate(), new Dictionary<string, string>
        {
            ["TEAMS_APP_ID"] = appId,
            ["TEAMS_APP_WEBSITE_URL"] = websiteUrl,
        });
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(zipPath))!);
        var partial = zipPath + ".partial";
        using (var zip = ZipFile.Open(partial, ZipArchiveMode.Create))
        {
            Add(zip, "manifest.json", System.Text.Encoding.UTF8.GetBytes(manifest));
            Add(zip, "color.png", ColourIcon());
            Add(zip, "outline.png", OutlineIcon());
        }
        File.Move(partial, zipPath, overwrite: true);
    }

    /// <summary>The 192×192 full-colour icon: a white ring on the accent colour.</summary>
    public static byte[] ColourIcon()
    {
        double[] accent = [0x5B, 0x5F, 0xC7];
        using var background = (Image.Black(192, 192, 3) + accent).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        using var icon = background.Mutate(m =>
        {
            m.DrawCircle([255, 255, 255], 96, 96, 56, fill: true);
            m.DrawCircle(accent, 96, 96, 26, fill: true);
        });
        return icon.PngsaveBuffer();
    }

    /// <summary>The 32×32 outline icon Teams requires: white on transparent.</summary>
    public static byte[] OutlineIcon()
    {
        using var clear = Image.Black(32, 32, 4).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        using var icon = clear.Mutate(m => m.DrawCircle([255, 255, 255, 255], 16, 16, 13, fill: true));
        return icon.PngsaveBuffer();
    }

    /// <summary>Fills every <c>${{NAME}}</c>; a placeholder with no value is an error, never left in the package.</summary>
    internal static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var filled = Placeholder().Replace(template, match => values.TryGetValue(match.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"manifest.json has a placeholder with no value: {match.Value}"));
        return filled;
    }

    private static string ManifestTemplate()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ImageToMusic.Bots.Teams.manifest.json")
                           ?? throw new InvalidOperationException("The Teams manifest template is not embedded in this build.");
        return new StreamReader(stream).ReadToEnd();
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        entry.Write(content);
    }

    [GeneratedRegex(@"\$\{\{([A-Z_]+)\}\}")]
    private static partial Regex Placeholder();
}
