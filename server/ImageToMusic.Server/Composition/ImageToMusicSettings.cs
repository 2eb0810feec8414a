using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ImageToMusic.Server.Composition;

/// <summary>
/// The settings the engine, the stores and the uploads are composed from (names in <see cref="AppSettings"/>), read
/// from configuration (app settings on Azure, the environment and `serve`'s own choices locally) and validated when
/// first used, so a missing or contradictory setting stops the app at start with the setting to fix.
/// </summary>
public sealed class ImageToMusicSettings
{
    public const string DefaultCosmosDatabase = "imagetomusic";
    public const string DefaultUploadsContainer = Uploads.UploadAnalysis.Container;

    public string? UserSalt { get; set; }
    public string? ModelFolder { get; set; }
    public string StoreKind { get; set; } = "sqlite";
    public string? SqlitePath { get; set; }
    public string? CosmosEndpoint { get; set; }
    public string? CosmosKey { get; set; }
    public string CosmosDatabase { get; set; } = DefaultCosmosDatabase;
    public string? UploadsServiceUri { get; set; }
    public string? UploadsConnectionString { get; set; }
    public string? UploadsFolder { get; set; }
    public string UploadsContainer { get; set; } = DefaultUploadsContainer;
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// Whether this process runs the engine (analyses photos, records votes), which needs the user salt and the uploads;
    /// a process that only reads the stores (the Discord gateway handing photos on) does not.
    /// </summary>
    public bool RunsEngine { get; set; }

    /// <summary>One setting by its <see cref="AppSettings"/> name.</summary>
    public static Func<string, string?> Reader(IConfiguration configuration) =>
        name => configuration[ConfigurationKey(name)] is { Length: > 0 } value ? value : null;

    /// <summary>Where a setting lives in configuration: "__" in an app setting's name is configuration's section separator.</summary>
    public static string ConfigurationKey(string name) => name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);

    public void ReadFrom(Func<string, string?> setting)
    {
        UserSalt = setting(AppSettings.UserSalt);
        ModelFolder = setting(AppSettings.ModelFolder);
        StoreKind = setting(AppSettings.StoreKind)?.ToLowerInvariant() ?? StoreKind;
        SqlitePath = setting(AppSettings.SqlitePath);
        CosmosEndpoint = setting(AppSettings.CosmosEndpoint);
        CosmosKey = setting(AppSettings.CosmosKey);
        CosmosDatabase = setting(AppSettings.CosmosDatabase) ?? CosmosDatabase;
        UploadsServiceUri = setting(AppSettings.UploadsServiceUri);
        UploadsConnectionString = setting(AppSettings.UploadsConnectionString);
        UploadsFolder = setting(AppSettings.UploadsFolder);
        UploadsContainer = setting(AppSettings.UploadsContainer) ?? UploadsContainer;
        ManagedIdentityClientId = setting(AppSettings.ManagedIdentityClientId);
    }

    /// <summary>The app's user-assigned managed identity on Azure; the developer's own sign-in elsewhere.</summary>
    public TokenCredential Credential() =>
        ManagedIdentityClientId is { } clientId ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId)) : new DefaultAzureCredential();

    /// <summary>What is wrong with these settings, each naming the setting to fix.</summary>
    public IEnumerable<string> Problems()
    {
        if (RunsEngine && UserSalt is null) yield return $"The setting {AppSettings.UserSalt} is missing.";
        if (StoreKind is not ("sqlite" or "cosmos")) yield return $"{AppSettings.StoreKind} is '{StoreKind}'; use sqlite or cosmos.";
        if (StoreKind == "cosmos" && CosmosEndpoint is null) yield return $"The setting {AppSettings.CosmosEndpoint} is missing ({AppSettings.StoreKind} is cosmos).";
        if (RunsEngine && UploadsConnectionString is null && UploadsServiceUri is null && UploadsFolder is null)
            yield return $"No uploads configured: set {AppSettings.UploadsServiceUri} (Azure), {AppSettings.UploadsConnectionString} (a connection string) or {AppSettings.UploadsFolder} (a local folder).";
    }

    public sealed class Validation : IValidateOptions<ImageToMusicSettings>
    {
        public ValidateOptionsResult Validate(string? name, ImageToMusicSettings options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
