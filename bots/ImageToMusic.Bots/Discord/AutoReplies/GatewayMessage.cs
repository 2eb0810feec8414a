namespace ImageToMusic.Bots.Discord.AutoReplies;

/// <summary>
/// The parts of a MESSAGE_CREATE dispatch this bot reads (Discord's message object; the rest is ignored).
/// Attachments are only filled in with the Message Content intent.
/// </summary>
/// <param name="Type">0 for a plain message, 19 for a reply; the others are system messages (joins, pins, …).</param>
public sealed record GatewayMessage(
    string? Id,
    string? ChannelId,
    string? GuildId,
    GatewayAuthor? Author,
    string? WebhookId,
    int Type,
    IReadOnlyList<Attachment>? Attachments);

/// <param name="Bot">Set for bot accounts, this one included.</param>
public sealed record GatewayAuthor(string? Id, bool? Bot);
