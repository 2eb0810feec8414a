using Azure.Storage.Blobs;
using ImageToMusic.Azure.Blobs;
using ImageToMusic.Azure.Cosmos;
using ImageToMusic.Engine.AutoReplies;
using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Engine.Surveys;
using ImageToMusic.Server.Uploads;
using ImageToMusic.Storage.Sqlite;
using Microsoft.Azure.Cosmos;

namespace ImageToMusic.Server.Composition;

/// <summary>The stores (embedded SQLite or Cosmos DB) and where uploads are read from, as services.</summary>
public static class StoreComposition
{
    /// <summary>The feedback store as stored; the engine registers the <see cref="IFeedbackStore"/> doors use around it.</summary>
    public const string StoredFeedback = "stored";

    public static IServiceCollection AddSqliteStores(this IServiceCollection services)
    {
        services.AddSingleton(s => SqliteDatabase.Open(StoreLocation.Resolve(EngineComposition.Settings(s).SqlitePath)));
        services.AddSingleton<ICatalogStore>(s => new SqliteCatalogStore(s.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<IAnalysisStore>(s => new SqliteAnalysisStore(s.GetRequiredService<SqliteDatabase>()));
        services.AddKeyedSingleton<IFeedbackStore>(StoredFeedback, (s, _) => new SqliteFeedbackStore(s.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<ISurveyStore>(s => new SqliteSurveyStore(s.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<IAutoReplyStore>(s => new SqliteAutoReplyStore(s.GetRequiredService<SqliteDatabase>()));
        return services;
    }

    /// <summary>Cosmos DB with the managed identity (Azure), or with a key (the local Cosmos server only).</summary>
    public static IServiceCollection AddCosmosStores(this IServiceCollection services)
    {
        services.AddSingleton(s => EngineComposition.Settings(s) is var settings && settings.CosmosKey is { } key
            ? CosmosClients.ForLocalServer(settings.CosmosEndpoint!, key)
            : CosmosClients.ForAzure(settings.CosmosEndpoint!, settings.Credential()));
        services.AddSingleton(s => new CosmosStores(s.GetRequiredService<CosmosClient>(), EngineComposition.Settings(s).CosmosDatabase));
        services.AddSingleton(s => s.GetRequiredService<CosmosStores>().Catalog);
        services.AddSingleton(s => s.GetRequiredService<CosmosStores>().Analyses);
        services.AddKeyedSingleton(StoredFeedback, (s, _) => s.GetRequiredService<CosmosStores>().Feedback);
        services.AddSingleton(s => s.GetRequiredService<CosmosStores>().Surveys);
        services.AddSingleton(s => s.GetRequiredService<CosmosStores>().AutoReplies);
        return services;
    }

    /// <summary>A connection string (Azurite), else the account's blob endpoint with the managed identity (Azure), else a local folder.</summary>
    public static IServiceCollection AddUploads(this IServiceCollection services) =>
        services.AddSingleton<IUploads>(s => EngineComposition.Settings(s) switch
        {
            { UploadsConnectionString: { } connection } settings => new BlobUploads(new UploadsContainer(connection, settings.UploadsContainer)),
            { UploadsServiceUri: { } uri } settings => new BlobUploads(new UploadsContainer(new BlobServiceClient(new Uri(uri), settings.Credential()), settings.UploadsContainer)),
            var settings => new LocalFolderUploads(settings.UploadsFolder!),
        });
}
