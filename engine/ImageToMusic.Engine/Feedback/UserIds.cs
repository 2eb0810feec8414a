using System.Security.Cryptography;
using System.Text;

namespace ImageToMusic.Engine.Feedback;

/// <summary>
/// Turns a platform's user id into what we store: HMAC-SHA256 under a secret salt, so stored feedback cannot
/// be traced back to a person without the secret, yet the same person's votes still recognise each other.
/// </summary>
public static class UserIds
{
    public const int MinimumSaltLength = 16;

    public static string Hash(string salt, string platform, string userId)
    {
        if (salt.Length < MinimumSaltLength)
            throw new ArgumentException($"The user-id salt must be at least {MinimumSaltLength} characters of secret.");
        if (string.IsNullOrWhiteSpace(userId)) throw new ArgumentException("A user id is required.");
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(salt), Encoding.UTF8.GetBytes($"{platform.ToLowerInvariant()}:{userId}"));
        return "u-" + Convert.ToHexStringLower(mac)[..32];
    }
}
