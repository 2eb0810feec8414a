using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Storage.Sqlite;
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
        var (_, settings) = await SettingsAsync(storeOption, cancellation);
        if (modelFolder is not null) settings[AppSettings.ModelFolder] = modelFolder;
        var services = new ServiceCollection().AddLogging()
            .AddImageToMusic(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build(), limits)
            .BuildServiceProvider();
        var engine = new LocalEngine(services);
        try
        {
            await services.LoadCatalogAsync(cancellation);
            return engine;
        }
        catch
        {
            await engine.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The settings of a host running the engine over the local store (after checking it holds a catalog), and the
    /// store's path: what `suggest`, `survey create` and `discord gateway` run on.
    /// </summary>
    /// <param name="storeOption">The --store value as given (null: the default store), for the empty-catalog hint.</param>
    public static async Task<(string StorePath, Dictionary<string, string> Settings)> SettingsAsync(string? storeOption, CancellationToken cancellation)
    {
        var storePath = StoreLocation.Resolve(storeOption);
        if (await new SqliteCatalogStore(SqliteDatabase.Open(storePath)).CountAsync(cancellation) == 0) throw CommonOptions.EmptyCatalog(storePath, storeOption);
        var home = Path.GetDirectoryName(storePath)!;
        return (storePath, new Dictionary<string, string>
        {
            [AppSettings.StoreKind] = "sqlite",
            [AppSettings.SqlitePath] = storePath,
            [AppSettings.UserSalt] = UserSalts.FindOrCreate(home),
            // Required of every host that runs the engine; these commands read no uploads, so the folder is never made.
            [AppSettings.UploadsFolder] = Path.Combine(home, "uploads"),
        });
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
