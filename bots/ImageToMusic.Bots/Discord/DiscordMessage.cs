namespace ImageToMusic.Bots.Discord;

/// <summary>The message fields this bot sends (Discord's message object, create/edit shape); null fields are left out.</summary>
public sealed record DiscordMessage(string? Content = null, IReadOnlyList<Embed>? Embeds = null, IReadOnlyList<ActionRow>? Components = null, int? Flags = null);

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
