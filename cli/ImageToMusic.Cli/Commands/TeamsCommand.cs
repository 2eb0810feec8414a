using System.CommandLine;
using ImageToMusic.Bots.Teams;

namespace ImageToMusic.Cli.Commands;

/// <summary>`teams package`: the app package (manifest + icons) to sideload or upload to a Teams admin centre.</summary>
internal static class TeamsCommand
{
    public const string DefaultOutput = ".cache/teams/imagetomusic-teams.zip";

    public static Command Create()
    {
        var appId = new Option<string>("--app-id") { Description = "The bot's Microsoft App ID (its Entra app registration); default: TEAMS_APP_ID." };
        var website = new Option<string?>("--website-url") { Description = $"An https URL for the manifest's website, privacy and terms links; default: TEAMS_APP_WEBSITE_URL, else {TeamsAppPackage.DefaultWebsiteUrl}." };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the zip.", DefaultValueFactory = _ => new FileInfo(DefaultOutput) };
        var package = new Command("package", "Build the Teams app package: bots/teams/manifest.json filled in, and its two icons drawn by libvips.") { appId, website, output };
        package.SetAction(result => Failures.Guard(() =>
        {
            var id = result.GetValue(appId) ?? Environment.GetEnvironmentVariable("TEAMS_APP_ID");
            if (string.IsNullOrWhiteSpace(id))
                throw new InvalidOperationException("Give the bot's Microsoft App ID with --app-id or TEAMS_APP_ID.");
            var url = result.GetValue(website) ?? Environment.GetEnvironmentVariable("TEAMS_APP_WEBSITE_URL") ?? TeamsAppPackage.DefaultWebsiteUrl;
            var zip = result.GetValue(output)!.FullName;
            TeamsAppPackage.Build(zip, id, url);
            Console.WriteLine($"Teams app package: {zip}");
            return 0;
        }));
        return new Command("teams", "The Teams bot.") { package };
    }
}
