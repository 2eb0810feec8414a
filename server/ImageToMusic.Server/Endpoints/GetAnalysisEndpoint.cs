using ImageToMusic.Server.Hosting;

namespace ImageToMusic.Server.Endpoints;

/// <summary>GET /api/analyses/{id}: one analysis with its recommendations, or the failure recorded for it.</summary>
public static class GetAnalysisEndpoint
{
    public static IResult Handle(string id, Backend backend)
    {
        if (backend.Analyses.FindAnalysis(id) is { } analysis)
            return Results.Ok(AnalysisJson.From(analysis, backend.Analyses.RecommendationsFor(id)));
        if (backend.Analyses.FindFailure(id) is { } failure)
            return Results.Ok(AnalysisJson.From(failure));
        throw ApiProblem.NotFound($"No analysis with id '{id}'.");
    }
}
