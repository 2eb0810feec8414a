using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ImageToMusic.Bots.Tests.Teams.Support;

/// <summary>A call the bot made to the Bot Connector's activities or members API (a GET has no body: Undefined).</summary>
public sealed record ConnectorCall(string Method, string Path, string? Authorization, JsonElement Body);

/// <summary>
/// A stand-in for the Bot Connector on 127.0.0.1: its OpenID metadata and JWKS (real RSA keys, with channel
/// endorsements), the activities API and the single-member lookup (calls recorded; each user's team role as set with
/// <see cref="SetRole"/>, 404 for anyone else), and attachment downloads that require the bot's token (counted).
/// Tokens it mints are real RS256 JWTs; <see cref="Unpublished"/> signs with a key the JWKS does not list.
/// </summary>
public sealed class FakeBotConnector : IAsyncDisposable
{
    public const string AppId = "00000000-bot0-4000-8000-000000000001";
    public const string Issuer = "https://api.botframework.com";
    public const string Channel = "msteams";
    /// <summary>The outgoing token the bot's credential double hands out; attachments demand it.</summary>
    public const string BotToken = "bot-token-from-entra";

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, byte[]> attachments = new();
    private readonly ConcurrentDictionary<(string Team, string User), string> roles = new();
    private int downloads;

    public RsaSecurityKey Endorsed { get; } = NewKey("endorsed-key");
    public RsaSecurityKey EndorsedElsewhere { get; } = NewKey("webchat-only-key");
    public RsaSecurityKey Unpublished { get; } = NewKey("unpublished-key");
    public ConcurrentQueue<ConnectorCall> Calls { get; } = new();
    /// <summary>Attachment downloads served (any answer).</summary>
    public int Downloads => Volatile.Read(ref downloads);

    private FakeBotConnector(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = null!;
    public string ServiceUrl => BaseAddress.ToString();
    public string MetadataUrl => new Uri(BaseAddress, "v1/.well-known/openidconfiguration").ToString();

    public static async Task<FakeBotConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeBotConnector(app);
        app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = new Uri(connector.BaseAddress, "v1/keys").ToString(),
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
        }));
        app.MapGet("/v1/keys", () => Results.Json(new
        {
            keys = new[] { Jwk(connector.Endorsed, [Channel, "webchat"]), Jwk(connector.EndorsedElsewhere, ["webchat"]) },
        }));
        // Request.Path arrives decoded, so recorded paths show conversation ids as Teams writes them.
        app.MapMethods("/v3/conversations/{conversation}/activities/{activity}", ["POST", "PUT"], async (HttpRequest request) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            connector.Calls.Enqueue(new ConnectorCall(request.Method, request.Path.Value!, request.Headers.Authorization.FirstOrDefault(), body));
            return Results.Json(new { id = $"sent-{connector.Calls.Count}" });
        });
        // GET /v3/conversations/{teamId}/members/{userId}: a TeamsChannelAccount with the user's role in that team.
        app.MapGet("/v3/conversations/{conversation}/members/{user}", (string conversation, string user, HttpRequest request) =>
        {
            connector.Calls.Enqueue(new ConnectorCall(request.Method, request.Path.Value!, request.Headers.Authorization.FirstOrDefault(), default));
            if (request.Headers.Authorization.FirstOrDefault() != $"Bearer {BotToken}") return Results.Unauthorized();
            return connector.roles.TryGetValue((conversation, user), out var role)
                ? Results.Json(new { id = user, name = "Member", objectId = Guid.NewGuid(), tenantId = "tenant-1", userRole = role })
                : Results.NotFound();
        });
        app.MapGet("/attachments/{name}", (string name, HttpRequest request) =>
        {
            Interlocked.Increment(ref connector.downloads);
            return request.Headers.Authorization.FirstOrDefault() != $"Bearer {BotToken}" ? Results.Unauthorized()
                : connector.attachments.TryGetValue(name, out var bytes) ? Results.Bytes(bytes, "image/jpeg")
                : Results.NotFound();
        });
        await app.StartAsync();
        connector.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/");
        return connector;
    }

    /// <summary>Serves bytes as an inline image attachment (bot token required); returns its contentUrl.</summary>
    public string Attach(string name, byte[] bytes)
    {
        attachments[name] = bytes;
        return new Uri(BaseAddress, $"attachments/{name}").ToString();
    }

    /// <summary>The user's userRole in the team ("owner", "user", "guest") as the members API will answer it.</summary>
    public void SetRole(string teamId, string userId, string role) => roles[(teamId, userId)] = role;

    /// <summary>A Bot Connector token; each argument can be made wrong for an attack.</summary>
    public string Token(RsaSecurityKey? key = null, string audience = AppId, string issuer = Issuer, string? serviceUrl = null, DateTime? expires = null)
    {
        var until = expires ?? DateTime.UtcNow.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = until.AddHours(-1),
            IssuedAt = until.AddHours(-1),
            Expires = until,
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl ?? ServiceUrl)]),
            SigningCredentials = new SigningCredentials(key ?? Endorsed, SecurityAlgorithms.RsaSha256),
        });
    }

    private static RsaSecurityKey NewKey(string id) => new(RSA.Create(2048)) { KeyId = id };

    private static Dictionary<string, object> Jwk(RsaSecurityKey key, string[] endorsements)
    {
        var parameters = key.Rsa.ExportParameters(false);
        return new()
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = endorsements,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
