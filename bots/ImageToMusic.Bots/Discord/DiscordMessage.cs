namespace ImageToMusic.Bots.Discord;

/// <summary>The message fields this bot sends (Discord's message object, create/edit shape); null fields are left out.</summary>
/// <param name="MessageReference">On a new message: the message it replies to.</param>
/// <param name="Nonce">On a new message: with <paramref name="EnforceNonce"/>, Discord posts it at most once per nonce for a few minutes.</param>
/// <param name="AllowedMentions">On a new message: whom it may ping (nobody, for the bot's replies).</param>
public sealed record DiscordMessage(
    string? Content = null,
    IReadOnlyList<Embed>? Embeds = null,
    IReadOnlyList<ActionRow>? Components = null,
    int? Flags = null,
    MessageReference? MessageReference = null,
    string? Nonce = null,
    bool? EnforceNonce = null,
    AllowedMentions? AllowedMentions = null);

public sealed record Embed(string Title, string Description, int? Color, IReadOnlyList<EmbedField> Fields);

public sealed record EmbedField(string Name, string Value, bool Inline = false);

/// <summary>A row of up to five buttons (component type 1).</summary>
public sealed record ActionRow(IReadOnlyList<Button> Components)
{
    public int Type => 1;
}

/// <summary>An interactive button (component type 2); style 2 is grey ("secondary").</summary>
public sealed record Button(string CustomId, string Label, Emoji Emoji, int Style = 2)
{
    public int Type => 2;
}

public sealed record Emoji(string Name);

/// <summary>A reply's link to the message it answers; when that message is gone, nothing is posted (Discord's default).</summary>
public sealed record MessageReference(string MessageId, string ChannelId, string? GuildId);

/// <summary>Which mentions in the content ping: none parsed, and not the author replied to.</summary>
public sealed record AllowedMentions(IReadOnlyList<string> Parse, bool RepliedUser)
{
    public static AllowedMentions None { get; } = new([], false);
}
