using System.Text.RegularExpressions;

namespace ImageToMusic.Bots.Teams;

/// <summary>
/// What a channel message says to the bot: mentions of it, and the switch <c>@ImageToMusic photos on|off</c>
/// (the <c>&lt;at&gt;…&lt;/at&gt;</c> mention markup stripped, case and spacing ignored).
/// </summary>
public static partial class ChannelCommand
{
    public const string On = "photos on";
    public const string Off = "photos off";

    /// <summary>True when the activity has a mention entity naming the recipient (the bot).</summary>
    public static bool MentionsBot(Activity activity) =>
        activity.Recipient?.Id is { Length: > 0 } bot
        && (activity.Entities ?? []).Any(e => string.Equals(e.Type, "mention", StringComparison.OrdinalIgnoreCase)
                                              && string.Equals(e.Mentioned?.Id, bot, StringComparison.OrdinalIgnoreCase));

    /// <summary>true for "photos on", false for "photos off", null for anything else.</summary>
    public static bool? SwitchOf(string? text)
    {
        if (text is null) return null;
        var words = Spaces().Replace(AtMention().Replace(text, " ").Replace("&nbsp;", " "), " ").Trim().ToLowerInvariant();
        return words switch { On => true, Off => false, _ => null };
    }

    [GeneratedRegex("<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AtMention();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
