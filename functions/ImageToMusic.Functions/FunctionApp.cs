namespace ImageToMusic.Functions;

/// <summary>Builds the web app the Functions host forwards to (and that `serve` runs locally).</summary>
public static class FunctionApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (Environment.GetEnvironmentVariable(AppSettings.CustomHandlerPort) is { Length: > 0 } port)
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        return app;
    }
}
