using ImageToMusic.Server.Composition;
using Microsoft.Extensions.Configuration;

namespace ImageToMusic.Server.Hosting;

/// <summary>What every host the CLI starts (`serve`, `discord gateway`) sets up alike, before its own services.</summary>
public static class LocalHostBuilder
{
    /// <summary>
    /// <paramref name="settings"/> (names as in <see cref="AppSettings"/>) over the environment's, and logs on stderr, so
    /// a host's stdout (the CLI's --json output) stays clean.
    /// </summary>
    public static T WithSettings<T>(this T builder, IReadOnlyDictionary<string, string> settings) where T : IHostApplicationBuilder
    {
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(ImageToMusicSettings.ConfigurationKey(s.Key), (string?)s.Value)));
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        return builder;
    }
}
