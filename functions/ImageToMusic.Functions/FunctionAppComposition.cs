using ImageToMusic.Server;
using ImageToMusic.Server.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImageToMusic.Functions;

/// <summary>The function app's services: the doors as `serve` composes them, with follow-ups on the Storage queue.</summary>
public static class FunctionAppComposition
{
    /// <param name="options">Keys are the Functions host's business, so these carry none; tests give the Teams bot a stand-in identity here.</param>
    public static IServiceCollection AddFunctionApp(this IServiceCollection services, IConfiguration configuration, ServerOptions? options = null)
    {
        services.AddImageToMusicDoors(configuration, options ?? new ServerOptions());
        services.AddStorageFollowUps(configuration);
        return services;
    }
}
