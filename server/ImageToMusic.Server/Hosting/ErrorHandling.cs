using ImageToMusic.Engine.Imaging;

namespace ImageToMusic.Server.Hosting;

/// <summary>Turns every failure into an RFC 7807 problem: the caller's mistakes with what is wrong, our faults without internals.</summary>
public static class ErrorHandling
{
    public static async Task Run(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && Problem(e) is { } problem)
        {
            if (problem.Status >= 500)
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ImageToMusic.Server").LogError(e, "Request failed");
            context.Response.Clear();
            await problem.ToResult().ExecuteAsync(context);
        }
    }

    private static ApiProblem? Problem(Exception e) => e switch
    {
        ApiProblem p => p,
        ImageRejectedException r => ApiProblem.For(r, "image"),
        BadHttpRequestException b => new ApiProblem(b.StatusCode, b.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Bad request", b.Message),
        OperationCanceledException => null,
        _ => new ApiProblem(StatusCodes.Status500InternalServerError, "Internal error", "Something went wrong on our side; it has been logged."),
    };
}
