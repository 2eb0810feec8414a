using System.Security.Cryptography;
using System.Text;

namespace ImageToMusic.Server.Hosting;

/// <summary>
/// Outside Azure nobody checks function keys for us, so /api requests must carry the same x-functions-key
/// header (or ?code=) that Azure would check, compared in constant time. Behind the Functions host
/// (FUNCTIONS_CUSTOMHANDLER_PORT set) the host has already checked them.
/// </summary>
public sealed class ApiKeyCheck(string key)
{
    public const string Header = "x-functions-key";

    private readonly byte[] expected = Encoding.UTF8.GetBytes(key);

    public bool Allows(HttpRequest request)
    {
        var given = request.Headers[Header].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        return given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), expected);
    }

    public static string Generate() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}
