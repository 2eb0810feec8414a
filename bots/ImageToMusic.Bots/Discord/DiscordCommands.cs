namespace ImageToMusic.Bots.Discord;

/// <summary>The two commands the bot offers, as registered with Discord (`imagetomusic discord register`).</summary>
public static class DiscordCommands
{
    public const string Soundtrack = "soundtrack";
    public const string ImageOption = "image";
    public const string FindASoundtrack = "Find a soundtrack";

    private const int ChatInput = 1;
    private const int MessageContextMenu = 3;
    private const int AttachmentOption = 11;

    public static IReadOnlyList<object> All { get; } =
    [
        new
        {
            name = Soundtrack, type = ChatInput, description = "Five songs that fit the mood of a photo",
            options = new[] { new { name = ImageOption, description = "The photo", type = AttachmentOption, required = true } },
        },
        new { name = FindASoundtrack, type = MessageContextMenu },
    ];
}
