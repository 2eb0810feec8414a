using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ImageToMusic.Engine.Music;

/// <summary>When two catalog rows are the same song, and the id a song without one gets.</summary>
public static class TrackIdentity
{
    /// <summary>
    /// Case, accents, punctuation and spacing removed from title and artist, joined by a separator
    /// neither can contain: "Beyoncé – Halo!" and "beyonce halo" meet.
    /// </summary>
    public static string MatchKey(string title, string artist) => $"{Normalise(title)}\u001f{Normalise(artist)}";

    /// <summary>A stable id from the match key, for catalogs that carry none.</summary>
    public static string DerivedId(string matchKey) =>
        "t-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(matchKey)))[..16];

    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0) builder.Append(' ');
                builder.Append(char.ToLowerInvariant(c));
                pendingSpace = false;
            }
            else pendingSpace = true;
        }
        return builder.ToString();
    }
}
