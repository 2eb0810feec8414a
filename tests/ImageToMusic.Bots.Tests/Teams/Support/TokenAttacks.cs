using Microsoft.IdentityModel.Tokens;

namespace ImageToMusic.Bots.Tests.Teams.Support;

/// <summary>Authorization headers that must not get past the bot: each a token that is forged, stale or for someone else.</summary>
public static class TokenAttacks
{
    public static readonly string[] Names = ["missing", "not bearer", "wrong audience", "wrong issuer", "expired", "unknown key", "tampered", "garbage"];

    public static string? Header(FakeBotConnector connector, string attack) => attack switch
    {
        "missing" => null,
        "not bearer" => $"Basic {connector.Token()}",
        "wrong audience" => $"Bearer {connector.Token(audience: "some-other-bot")}",
        "wrong issuer" => $"Bearer {connector.Token(issuer: "https://sts.windows.net/evil/")}",
        "expired" => $"Bearer {connector.Token(expires: DateTime.UtcNow.AddMinutes(-6))}",
        "unknown key" => $"Bearer {connector.Token(connector.Unpublished)}",
        "tampered" => $"Bearer {Tamper(connector.Token())}",
        "garbage" => "Bearer not-a-jwt",
        _ => throw new ArgumentOutOfRangeException(nameof(attack)),
    };

    /// <summary>Swaps the payload for one naming another audience, keeping the original signature.</summary>
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]));
        parts[1] = Base64UrlEncoder.Encode(payload.Replace("\"aud\":\"", "\"aud\":\"x"));
        return string.Join('.', parts);
    }
}
