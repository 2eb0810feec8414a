using Azure.Core;
using Azure.Identity;
using ImageToMusic.Bots.Teams;
using ImageToMusic.Engine.Fetching;

namespace ImageToMusic.Server.Hosting;

/// <summary>The Teams bot's identity: its app id, where the Bot Connector's keys are published, and how it gets its own tokens.</summary>
public sealed record TeamsOptions(string AppId, TokenCredential Credential, string OpenIdMetadataUrl = BotConnectorAuthenticator.DefaultMetadataUrl)
{
    /// <summary>A stand-in Bot Connector on this machine (tests, local runs), whose images are fetched from loopback.</summary>
    public bool AttachmentsFromLoopback => Uri.TryCreate(OpenIdMetadataUrl, UriKind.Absolute, out var url) && url.IsLoopback;
}

/// <summary>The Teams bot's identity from settings (<see cref="AppSettings"/>), or nothing when no app id is set.</summary>
public static class TeamsSetup
{
    public static TeamsOptions? FromSettings(Func<string, string?> setting)
    {
        if (setting(AppSettings.TeamsAppId) is not { Length: > 0 } appId) return null;
        TokenCredential credential = setting(AppSettings.TeamsAppPassword) is { Length: > 0 } password
            ? new ClientSecretCredential(
                setting(AppSettings.TeamsAppTenantId) is { Length: > 0 } tenant ? tenant : throw new InvalidOperationException($"{AppSettings.TeamsAppTenantId} is required with {AppSettings.TeamsAppPassword}."),
                appId, password)
            // A bot registered with a user-assigned managed identity has that identity's client id as its app id.
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(appId));
        return new TeamsOptions(appId, credential, setting(AppSettings.TeamsOpenIdMetadataUrl) is { Length: > 0 } url ? url : BotConnectorAuthenticator.DefaultMetadataUrl);
    }
}
