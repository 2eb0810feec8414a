namespace ImageToMusic.Bots.Discord;

/// <summary>The commands the bot offers, as registered with Discord (`imagetomusic discord register`).</summary>
public static class DiscordCommands
{
    public const string Soundtrack = "soundtrack";
    public const string ImageOption = "image";
    public const string FindASoundtrack = "Find a soundtrack";
    public const string SoundtrackChannel = "soundtrack-channel";
    public const string StateOption = "state";

    /// <summary>MANAGE_CHANNELS: who may switch a channel's auto-replies (Discord hides the command from everyone else).</summary>
    public const ulong ManageChannels = 1 << 4;

    private const int ChatInput = 1;
    private const int MessageContextMenu = 3;
    private const int StringOption = 3;
    private const int AttachmentOption = 11;
    private const int GuildContext = 0;

    public static IReadOnlyList<object> All { get; } =
    [
        new
        {
            name = Soundtrack, type = ChatInput, description = "Five songs that fit the mood of a photo",
            options = new[] { new { name = ImageOption, description = "The photo", type = AttachmentOption, required = true } },
        },
        new { name = FindASoundtrack, type = MessageContextMenu },
        new
        {
            name = SoundtrackChannel, type = ChatInput, description = "Reply to every photo posted in this channel with a soundtrack, or stop",
            default_member_permissions = ManageChannels.ToString(System.Globalization.CultureInfo.InvariantCulture), contexts = new[] { GuildContext },
            options = new[]
            {
                new
                {
                    name = StateOption, description = "on: reply to every photo here; off: only when asked", type = StringOption, required = true,
                    choices = new[] { new { name = "on", value = "on" }, new { name = "off", value = "off" } },
                },
            },
        },
    ];
}
