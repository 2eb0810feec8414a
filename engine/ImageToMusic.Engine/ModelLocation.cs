namespace ImageToMusic.Engine;

/// <summary>
/// Where model files live: an explicit folder, else IMAGETOMUSIC_MODELS, else models/ beside the app.
/// The root ./imagetomusic script points IMAGETOMUSIC_MODELS at the checkout's models/ folder.
/// </summary>
public static class ModelLocation
{
    public const string EnvironmentVariable = "IMAGETOMUSIC_MODELS";

    public static string Resolve(string? explicitFolder = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitFolder)) return Path.GetFullPath(explicitFolder);
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        return Path.Combine(AppContext.BaseDirectory, "models");
    }
}
