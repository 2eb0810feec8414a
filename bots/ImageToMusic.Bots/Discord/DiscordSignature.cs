using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace ImageToMusic.Bots.Discord;

/// <summary>
/// Checks that a request really comes from Discord: an Ed25519 signature (X-Signature-Ed25519, hex) over
/// X-Signature-Timestamp + the raw body, made with the application's key. A timestamp more than
/// <see cref="MaxClockSkew"/> away from now is refused too, so a captured request cannot be replayed later.
/// </summary>
public sealed class DiscordSignature
{
    public const string SignatureHeader = "X-Signature-Ed25519";
    public const string TimestampHeader = "X-Signature-Timestamp";
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private readonly PublicKey publicKey;
    private readonly TimeProvider clock;

    /// <param name="publicKeyHex">The application's public key as the Developer Portal shows it (64 hex digits).</param>
    public DiscordSignature(string publicKeyHex, TimeProvider? clock = null)
    {
        if (!TryHex(publicKeyHex, 32, out var key))
            throw new ArgumentException($"{DiscordSettings.PublicKey} must be the application's Ed25519 public key: 64 hex digits.");
        // NSec decides what is a raw Ed25519 public key; what it refuses is refused here under the setting's name.
        if (!PublicKey.TryImport(SignatureAlgorithm.Ed25519, key, KeyBlobFormat.RawPublicKey, out var imported))
            throw new ArgumentException($"{DiscordSettings.PublicKey} is not a valid Ed25519 public key.");
        publicKey = imported!;
        this.clock = clock ?? TimeProvider.System;
    }

    /// <summary>Null when the request is genuine and fresh; otherwise why not (for logs, not for the caller).</summary>
    public string? Problem(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(signatureHex) || string.IsNullOrEmpty(timestamp)) return $"{SignatureHeader} or {TimestampHeader} is missing";
        if (!TryHex(signatureHex, 64, out var signature)) return $"{SignatureHeader} is not 128 hex digits";
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return $"{TimestampHeader} is not Unix seconds";
        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
        if (age.Duration() > MaxClockSkew) return $"{TimestampHeader} is {age.TotalSeconds:0} s from now (more than {MaxClockSkew.TotalMinutes:0} minutes)";
        return Verifies([.. Encoding.UTF8.GetBytes(timestamp), .. body], signature) ? null : "the signature does not match";
    }

    /// <summary>Plain Ed25519 verification of a whole message (what the RFC 8032 vectors test).</summary>
    internal bool Verifies(byte[] message, byte[] signature) => SignatureAlgorithm.Ed25519.Verify(publicKey, message, signature);

    private static bool TryHex(string text, int length, out byte[] bytes)
    {
        bytes = [];
        if (text.Length != length * 2) return false;
        try { bytes = Convert.FromHexString(text); return true; }
        catch (FormatException) { return false; }
    }
}
