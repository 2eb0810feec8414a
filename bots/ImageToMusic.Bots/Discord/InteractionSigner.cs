using System.Text;
using NSec.Cryptography;

namespace ImageToMusic.Bots.Discord;

/// <summary>
/// Plays Discord's part in signing: a real Ed25519 key pair made here, signing timestamp + body. For tests and
/// `bench discord`, which must send interactions the endpoint accepts.
/// </summary>
public sealed class InteractionSigner : IDisposable
{
    private readonly Key privateKey = Key.Create(SignatureAlgorithm.Ed25519);

    public string PublicKeyHex => Convert.ToHexStringLower(privateKey.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    public static string TimestampOf(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string Sign(string timestamp, byte[] body) =>
        Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(privateKey, [.. Encoding.UTF8.GetBytes(timestamp), .. body]));

    public void Dispose() => privateKey.Dispose();

    /// <summary>A POST to the interactions endpoint, signed now unless told otherwise.</summary>
    public HttpRequestMessage Request(string url, string json, DateTimeOffset? signedAt = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var timestamp = TimestampOf(signedAt ?? DateTimeOffset.UtcNow);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(DiscordSignature.SignatureHeader, Sign(timestamp, body));
        request.Headers.Add(DiscordSignature.TimestampHeader, timestamp);
        return request;
    }
}
