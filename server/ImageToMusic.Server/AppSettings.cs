namespace ImageToMusic.Server;

/// <summary>
/// Every setting the app reads, in one place: infra/ sets each of them (a test checks), and
/// `imagetomusic serve` sets the local equivalents. Connections are identity-based on Azure (no keys).
/// </summary>
public static class AppSettings
{
    /// <summary>Key callers send as x-functions-key when running outside Azure (on Azure the host checks function keys).</summary>
    public const string ApiKey = "IMAGETOMUSIC_API_KEY";

    /// <summary>Secret salt for hashing user ids (a Key Vault reference on Azure).</summary>
    public const string UserSalt = "IMAGETOMUSIC_USER_SALT";

    /// <summary>Folder with the model files; unset on Azure, where they are deployed in models/ beside the app.</summary>
    public const string ModelFolder = ImageToMusic.Engine.ModelLocation.EnvironmentVariable;

    /// <summary>"cosmos" (Azure, or the local Cosmos server) or "sqlite" (embedded, the default locally).</summary>
    public const string StoreKind = "IMAGETOMUSIC_STORE";

    /// <summary>SQLite database file when <see cref="StoreKind"/> is sqlite (see StoreLocation for the default).</summary>
    public const string SqlitePath = "IMAGETOMUSIC_SQLITE_PATH";

    /// <summary>The uploads storage account as an identity-based connection (blob trigger and reads): its blob endpoint.</summary>
    public const string UploadsServiceUri = "UploadsStorage__blobServiceUri";

    /// <summary>A connection string for the uploads account instead (Azurite locally: UseDevelopmentStorage=true).</summary>
    public const string UploadsConnectionString = "UploadsStorage";

    /// <summary>A local folder standing in for the uploads container (`imagetomusic serve` without Azure services).</summary>
    public const string UploadsFolder = "IMAGETOMUSIC_UPLOADS_FOLDER";

    /// <summary>The Storage queue the bots' follow-up work travels on (function app only; `serve` keeps it in process).</summary>
    public const string FollowUpsQueue = "FOLLOWUPS_QUEUE";

    /// <summary>The host storage account's queue endpoint, identity-based: where the function app sends follow-ups.</summary>
    public const string HostStorageQueues = HostStorage + "__queueServiceUri";

    /// <summary>The host storage account as a connection string instead (Azurite in tests).</summary>
    public const string HostStorage = "AzureWebJobsStorage";

    /// <summary>Container photos are uploaded to (default "uploads").</summary>
    public const string UploadsContainer = "UPLOADS_CONTAINER";

    /// <summary>Cosmos DB account endpoint (identity-based on Azure).</summary>
    public const string CosmosEndpoint = "COSMOS_ENDPOINT";

    /// <summary>Cosmos DB account key: only for the local Cosmos server; never set on Azure.</summary>
    public const string CosmosKey = "COSMOS_KEY";

    /// <summary>Cosmos DB database name (default "imagetomusic").</summary>
    public const string CosmosDatabase = "COSMOS_DATABASE";

    /// <summary>Client id of the user-assigned managed identity the app authenticates with.</summary>
    public const string ManagedIdentityClientId = "AZURE_CLIENT_ID";

    /// <summary>The Discord application's public key (hex): requests to /api/discord/interactions are checked with it; unset, the bot is off.</summary>
    public const string DiscordPublicKey = ImageToMusic.Bots.Discord.DiscordSettings.PublicKey;

    /// <summary>The Discord bot token (a Key Vault reference on Azure): the gateway connects with it and the auto-replies are posted with it.</summary>
    public const string DiscordBotToken = ImageToMusic.Bots.Discord.DiscordSettings.BotToken;

    /// <summary>Discord's API base URL: only for a fake Discord (tests, local runs); the default is Discord's own.</summary>
    public const string DiscordApiBase = ImageToMusic.Bots.Discord.DiscordSettings.ApiBase;

    /// <summary>Application Insights connection string.</summary>
    public const string ApplicationInsights = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The Teams bot's Microsoft App ID (its Entra app registration): the audience of Bot Connector tokens. Unset: no Teams bot.</summary>
    public const string TeamsAppId = "TEAMS_APP_ID";

    /// <summary>The bot's client secret, for its outgoing Bot Connector token (a Key Vault reference on Azure); unset: the managed identity.</summary>
    public const string TeamsAppPassword = "TEAMS_APP_PASSWORD";

    /// <summary>The Entra tenant of the bot's app registration (single-tenant bots).</summary>
    public const string TeamsAppTenantId = "TEAMS_APP_TENANT_ID";

    /// <summary>Where the Bot Connector's signing keys are published; Bot Framework's by default (tests point it at a stand-in).</summary>
    public const string TeamsOpenIdMetadataUrl = "TEAMS_OPENID_METADATA_URL";
}
