using ImageToMusic.Engine.Storage;
using ImageToMusic.Server.Hosting;

namespace ImageToMusic.Server.Endpoints;

/// <summary>GET /api/analyses/{id}: one analysis with its recommendations, or the failure recorded for it.</summary>
public static class GetAnalysisEndpoint
{
    public static async Task<IResult> Handle(string id, IAnalysisStore analyses, CancellationToken cancellation)
    {
        if (await analyses.FindAnalysisAsync(id, cancellation) is { } analysis)
            return Results.Ok(AnalysisJson.From(analysis, await analyses.RecommendationsForAsync(id, cancellation)));
        if (await analyses.FindFailureAsync(id, cancellation) is { } failure)
            return Results.Ok(AnalysisJson.From(failure));
        throw ApiProblem.NotFound($"No analysis with id '{id}'.");
    }
}
