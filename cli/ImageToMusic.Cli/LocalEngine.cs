using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Server;
using ImageToMusic.Server.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImageToMusic.Cli;

/// <summary>
/// The engine over a local store for the commands that analyse photos (suggest, survey create), composed exactly as
/// `serve` and the function app compose it (<see cref="EngineComposition.AddImageToMusic"/>).
/// </summary>
internal sealed class LocalEngine(ServiceProvider services) : IAsyncDisposable
{
    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    /// <param name="storeOption">The --store value as given (null: the default store), for the empty-catalog hint.</param>
    public static async Task<LocalEngine> OpenAsync(string? storeOption, string? modelFolder, ImageLimits limits, CancellationToken cancellation)
    {
        var storePath = StoreLocation.Resolve(storeOption);
        var home = Path.GetDirectoryName(storePath)!;
        var settings = new Dictionary<string, string?>
        {
            [AppSettings.StoreKind] = "sqlite",
            [AppSettings.SqlitePath] = storePath,
            [AppSettings.ModelFolder] = modelFolder,
            [AppSettings.UserSalt] = UserSalts.FindOrCreate(home),
            // Required of every host; these commands read no uploads, so the folder is never made.
            [AppSettings.UploadsFolder] = Path.Combine(home, "uploads"),
        };
        var services = new ServiceCollection().AddLogging()
            .AddImageToMusic(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), limits).BuildServiceProvider();
        var engine = new LocalEngine(services);
        try
        {
            if (await engine.Get<ICatalogStore>().CountAsync(cancellation) == 0) throw CommonOptions.EmptyCatalog(storePath, storeOption);
            await services.LoadCatalogAsync(cancellation);
            return engine;
        }
        catch
        {
            await engine.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
