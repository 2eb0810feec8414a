using System.Text.Json;

namespace ImageToMusic.Bots.Discord;

/// <summary>Interaction types Discord sends (only the ones handled here).</summary>
public enum InteractionType { Ping = 1, ApplicationCommand = 2, MessageComponent = 3 }

/// <summary>
/// The parts of Discord's interaction object this bot reads; everything else in the payload is ignored.
/// See https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object.
/// </summary>
public sealed record Interaction(
    InteractionType Type,
    string? Id,
    string? ApplicationId,
    string? Token,
    string? GuildId,
    string? ChannelId,
    InteractionMember? Member,
    DiscordUser? User,
    InteractionData? Data)
{
    /// <summary>The person who acted: in a guild Discord puts them under member, in a DM under user.</summary>
    public string? UserId => Member?.User?.Id ?? User?.Id;
}

/// <param name="Permissions">The member's permissions in the channel the interaction came from, overwrites included (a bit set as a decimal string).</param>
public sealed record InteractionMember(DiscordUser? User, string? Permissions = null);

public sealed record DiscordUser(string? Id);

/// <param name="Name">The command's name (application commands).</param>
/// <param name="TargetId">The message a context-menu command was used on.</param>
/// <param name="CustomId">The clicked button's custom_id (message components).</param>
public sealed record InteractionData(
    string? Name,
    int? Type,
    IReadOnlyList<CommandOption>? Options,
    ResolvedData? Resolved,
    string? TargetId,
    string? CustomId);

/// <param name="Value">For an attachment option, the attachment's id (its details are in resolved.attachments).</param>
public sealed record CommandOption(string Name, int Type, JsonElement Value);

public sealed record ResolvedData(
    IReadOnlyDictionary<string, Attachment>? Attachments,
    IReadOnlyDictionary<string, ResolvedMessage>? Messages);

public sealed record ResolvedMessage(string? Id, IReadOnlyList<Attachment>? Attachments);

public sealed record Attachment(string Id, string? Filename, long? Size, string? Url, string? ContentType);
