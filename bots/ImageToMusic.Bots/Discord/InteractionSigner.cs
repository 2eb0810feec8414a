using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace ImageToMusic.Bots.Discord;

/// <summary>
/// Plays Discord's part in signing: a real Ed25519 key pair made here, signing timestamp + body. For tests and
/// `bench discord`, which must send interactions the endpoint accepts.
/// </summary>
public sealed class InteractionSigner
{
    private readonly Ed25519PrivateKeyParameters privateKey = new(new SecureRandom());

    public string PublicKeyHex => Convert.ToHexStringLower(privateKey.GeneratePublicKey().GetEncoded());

    public static string TimestampOf(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string Sign(string timestamp, byte[] body)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, privateKey);
        var message = Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray();
        signer.BlockUpdate(message, 0, message.Length);
        return Convert.ToHexStringLower(signer.GenerateSignature());
    }

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
