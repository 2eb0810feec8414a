using Azure.Core;

namespace ImageToMusic.Bots.Teams;

/// <summary>
/// The bot's own token for calling the Bot Connector (scope api.botframework.com), from Entra ID through Azure.Identity:
/// a client secret (ClientSecretCredential) or the app's managed identity. Kept until shortly before it expires, so
/// one token serves many replies. Entra ID cannot run locally: tests pass a <see cref="TokenCredential"/> double.
/// </summary>
public sealed class BotTokenCache(TokenCredential credential, TimeProvider? clock = null)
{
    public const string Scope = "https://api.botframework.com/.default";
    /// <summary>Renew this long before expiry, so a token never lapses between being handed out and being used.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly TimeProvider clock = clock ?? TimeProvider.System;
    private readonly SemaphoreSlim gate = new(1, 1);
    private AccessToken? current;

    public async Task<string> GetAsync(CancellationToken cancellation)
    {
        if (Fresh(current) is { } token) return token;
        await gate.WaitAsync(cancellation);
        try
        {
            if (Fresh(current) is { } again) return again;
            current = await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellation);
            return current.Value.Token;
        }
        finally
        {
            gate.Release();
        }
    }

    private string? Fresh(AccessToken? token) =>
        token is { } t && t.ExpiresOn - RenewBefore > clock.GetUtcNow() ? t.Token : null;
}
