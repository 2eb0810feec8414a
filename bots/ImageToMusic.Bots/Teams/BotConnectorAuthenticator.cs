using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ImageToMusic.Bots.Teams;

/// <summary>
/// Checks that a request really comes from the Bot Connector service, as its authentication protocol documents:
/// an RS256 bearer token signed by a key from the Bot Framework OpenID metadata, issued by api.botframework.com
/// to this bot's app id and within its lifetime (5 minutes skew). What the token says about the activity
/// (serviceurl claim, the key's channel endorsements) is checked against the activity by <see cref="BotConnectorCaller"/>.
/// </summary>
public sealed class BotConnectorAuthenticator
{
    public const string DefaultMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string Issuer = "https://api.botframework.com";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly ConfigurationManager<OpenIdConnectConfiguration> metadata;
    private readonly TokenValidationParameters rules;
    private readonly JsonWebTokenHandler handler = new();

    public BotConnectorAuthenticator(string appId, HttpClient http, string metadataUrl = DefaultMetadataUrl)
    {
        if (string.IsNullOrWhiteSpace(appId)) throw new ArgumentException("The bot's Microsoft App ID is required to check token audiences.", nameof(appId));
        var url = new Uri(metadataUrl);
        // Plain http only for a loopback stand-in (tests, local runs); the real metadata is https.
        var retriever = new HttpDocumentRetriever(http) { RequireHttps = !url.IsLoopback };
        metadata = new ConfigurationManager<OpenIdConnectConfiguration>(metadataUrl, new OpenIdConnectConfigurationRetriever(), retriever);
        rules = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = appId,
            ClockSkew = ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        };
    }

    /// <summary>Validates the Authorization header's bearer token; throws a 401 <see cref="TeamsRejection"/> otherwise.</summary>
    public async Task<BotConnectorCaller> AuthenticateAsync(string? authorization, CancellationToken cancellation)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            throw TeamsRejection.Unauthorized("An Authorization: Bearer token from the Bot Connector is required.");
        var token = authorization["Bearer ".Length..].Trim();

        var config = await metadata.GetConfigurationAsync(cancellation);
        var result = await ValidateAsync(token, config);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The Bot Framework rotates its keys: a key we have not seen may be new, so look once more (the manager rate-limits this).
            metadata.RequestRefresh();
            config = await metadata.GetConfigurationAsync(cancellation);
            result = await ValidateAsync(token, config);
        }
        if (!result.IsValid)
            throw TeamsRejection.Unauthorized($"The bearer token is not valid: {result.Exception?.GetType().Name ?? "rejected"}.");

        var jwt = (JsonWebToken)result.SecurityToken;
        var key = config.JsonWebKeySet.Keys.Single(k => k.KeyId == jwt.Kid);
        return new BotConnectorCaller(jwt.TryGetClaim("serviceurl", out var serviceUrl) ? serviceUrl.Value : null, EndorsementsOf(key));
    }

    private Task<TokenValidationResult> ValidateAsync(string token, OpenIdConnectConfiguration config)
    {
        var withKeys = rules.Clone();
        withKeys.IssuerSigningKeys = config.SigningKeys;
        return handler.ValidateTokenAsync(token, withKeys);
    }

    /// <summary>The channels a key may sign for: the JWKS entry's "endorsements" array, which the JWK model keeps as extra data.</summary>
    private static IReadOnlySet<string> EndorsementsOf(JsonWebKey key)
    {
        if (!key.AdditionalData.TryGetValue("endorsements", out var value)) return new HashSet<string>();
        IEnumerable<string?> names = value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : null),
            IEnumerable<object> list => list.Select(o => o as string ?? (o is JsonElement { ValueKind: JsonValueKind.String } e ? e.GetString() : null)),
            _ => [],
        };
        return names.OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
