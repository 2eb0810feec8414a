using ImageToMusic.Engine;
using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Vision;
using ImageToMusic.Server.Hosting;

namespace ImageToMusic.Server.Endpoints;

/// <summary>
/// POST /api/web/suggest (anonymous, for the home page): one photo as multipart → its mood and five tracks, through
/// the same <see cref="Recommender"/> every door uses, so the analysis and list are stored and can be voted on.
/// </summary>
public static class WebSuggestEndpoint
{
    public sealed record WebTrackJson(int Rank, string TrackId, string Title, string Artist, string Mood, double Fit, double Score, string Reason);

    public sealed record WebSuggestion(
        string AnalysisId, string RecommendationId, string ModelVersion, MoodJson Mood, IReadOnlyList<PaletteColour> Palette, VisualEvidence Evidence,
        IReadOnlyList<WebTrackJson> Tracks);

    /// <summary>How many emotions the page shows as bars; the rest are small and crowd the chart.</summary>
    public const int TopEmotions = 5;

    public static async Task<IResult> Handle(HttpRequest request, Recommender recommender, StoryImages images, CancellationToken cancellation)
    {
        if (!request.HasFormContentType)
            throw new ApiProblem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the photo as multipart/form-data.");
        var form = await Forms.ReadAsync(request, cancellation);
        if (form.Files.Count != 1) throw ApiProblem.BadRequest($"Send exactly one photo (got {form.Files.Count}).");
        var photo = (await images.FromFormAsync(form.Files, cancellation))[0];
        Recommendation recommendation;
        try
        {
            recommendation = await recommender.RecommendAsync(photo.Bytes, $"web:{form.Files[0].FileName}", cancellation: cancellation);
        }
        catch (ImageRejectedException e)
        {
            throw ApiProblem.For(e, $"the photo ({form.Files[0].FileName})");
        }
        return Results.Ok(From(recommendation));
    }

    private static WebSuggestion From(Recommendation r)
    {
        var a = r.Analysis;
        return new WebSuggestion(r.AnalysisId, r.RecommendationId, a.ModelVersion,
            MoodJson.Of(a.Valence, a.Arousal, a.Emotions, TopEmotions),
            a.Evidence.Palette, a.Evidence,
            [.. r.Tracks.Select(s => new WebTrackJson(s.Rank, s.Track.Id, s.Track.Title, s.Track.Artist, s.Mood.Word, Math.Round(s.Fit, 3), Math.Round(s.Score, 4), s.Reason))]);
    }
}
