using System.CommandLine;
using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Storage.Sqlite;
using ImageToMusic.Engine.Surveys;

namespace ImageToMusic.Cli.Commands;

/// <summary>`survey create`: survey links for a set of photos, for user studies; people answer them on the page `serve` shows.</summary>
internal static class SurveyCommand
{
    /// <summary>What a folder argument is expanded to; single files are taken whatever their name.</summary>
    private static readonly HashSet<string> PhotoExtensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".avif", ".heic" };

    public static Command Create()
    {
        var photos = new Argument<string[]>("photos") { Description = "Photo files, or folders whose photos (searched recursively) each get a survey.", Arity = ArgumentArity.OneOrMore };
        var batch = new Option<string?>("--batch") { Description = "A name for this set of surveys (a study); its answers count as that community in reports." };
        var baseUrl = new Option<string>("--base-url") { Description = "Where the survey pages are served (the app `serve` runs, or the function app on Azure).", DefaultValueFactory = _ => "http://127.0.0.1:7071" };
        var store = CommonOptions.Store();
        var models = CommonOptions.Models();
        var json = CommonOptions.Json();
        var limits = CommonOptions.Limits();
        var create = new Command("create",
            "Analyse each photo, suggest its five tracks and make a survey of it: a link to a page that shows the photo and asks, per track, " +
            "whether it fits, and which mood word fits the photo best. Prints one link per photo.")
            { photos, batch, baseUrl, store, models, json };
        limits.AddTo(create);
        create.SetAction((result, cancellation) => Failures.Guard(async () =>
        {
            var links = new Uri(result.GetValue(baseUrl)!.TrimEnd('/') + "/", UriKind.Absolute);
            if (links.Scheme is not ("http" or "https")) throw new ArgumentException($"--base-url must be an http or https address (got {links}).");
            var files = Expand(result.GetValue(photos)!);
            var imageLimits = limits.Read(result);
            await using var local = await LocalEngine.OpenAsync(result.GetValue(store), result.GetValue(models), imageLimits, cancellation);
            var surveys = local.Get<SurveyService>();

            var progress = Output.Progress("surveys made");
            var outcomes = new List<SurveyOutcome>();
            foreach (var file in files)
            {
                outcomes.Add(await MakeAsync(surveys, file, result.GetValue(batch), links, imageLimits, cancellation));
                progress(outcomes.Count, files.Count);
            }
            if (result.GetValue(json)) Output.WriteJson(new { surveys = outcomes });
            else foreach (var outcome in outcomes)
                if (outcome.Error is { } error) Output.Error($"{outcome.Photo}: {error.Code}: {error.Message}");
                else Console.WriteLine($"{outcome.Url}\t{outcome.Photo}");
            return outcomes.Any(o => o.Error is not null) ? 1 : 0;
        }));
        return new Command("survey", "Surveys: ask people whether the suggested tracks fit a photo, and which mood it has.") { create };
    }

    internal sealed record SurveyOutcome(string Photo, string? SurveyId, string? Url, string? PredictedMood, ErrorJson? Error);

    private static async Task<SurveyOutcome> MakeAsync(SurveyService surveys, string path, string? batch, Uri links, ImageLimits limits, CancellationToken cancellation)
    {
        try
        {
            var survey = await surveys.CreateAsync(EncodedImageFile.Read(path, limits), path, batch, cancellation);
            return new SurveyOutcome(path, survey.Id, new Uri(links, $"survey/{survey.Id}").ToString(), (await surveys.FindAsync(survey.Id, cancellation))?.PredictedMood, null);
        }
        catch (Exception e) when (ErrorJson.ForImage(e) is { } error)
        {
            return new SurveyOutcome(path, null, null, null, error);
        }
    }

    private static List<string> Expand(IEnumerable<string> arguments)
    {
        var files = new List<string>();
        foreach (var argument in arguments)
        {
            if (!Directory.Exists(argument))
            {
                files.Add(argument); // a missing file is reported with the others, not fatal
                continue;
            }
            var found = Directory.EnumerateFiles(argument, "*", SearchOption.AllDirectories)
                .Where(f => PhotoExtensions.Contains(Path.GetExtension(f))).Order(StringComparer.Ordinal).ToList();
            if (found.Count == 0) throw new ArgumentException($"The folder {argument} holds no photos ({string.Join(", ", PhotoExtensions.Order())}).");
            files.AddRange(found);
        }
        return files;
    }
}
