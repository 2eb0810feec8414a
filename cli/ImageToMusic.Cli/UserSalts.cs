using System.Security.Cryptography;
using ImageToMusic.Server;

namespace ImageToMusic.Cli;

/// <summary>
/// The secret salt voters' ids are hashed with for a local store: $IMAGETOMUSIC_USER_SALT when set, else the
/// owner-only user-salt file beside the store, made on first use by `serve`.
/// </summary>
internal static class UserSalts
{
    public const string FileName = "user-salt";

    /// <summary>The salt, or null when none was ever made here (then no vote in this home was hashed with one).</summary>
    public static string? Find(string home)
    {
        if (Environment.GetEnvironmentVariable(AppSettings.UserSalt) is { } configured) return configured;
        var path = Path.Combine(home, FileName);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }

    public static string FindOrCreate(string home)
    {
        if (Find(home) is { } salt) return salt;
        var path = Path.Combine(home, FileName);
        salt = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(path, salt);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return salt;
    }
}
