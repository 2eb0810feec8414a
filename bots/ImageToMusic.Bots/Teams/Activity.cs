using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImageToMusic.Bots.Teams;

/// <summary>The parts of a Bot Framework activity the bot reads (the schema is much larger; the rest is ignored).</summary>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    /// <summary>An invoke's name, e.g. adaptiveCard/action.</summary>
    public string? Name { get; init; }
    public string? Text { get; init; }
    /// <summary>On an Action.Submit message: the activity holding the card that was clicked.</summary>
    public string? ReplyToId { get; init; }
    public ChannelAccount? From { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    /// <summary>Mentions (type "mention", with whom) and other metadata such as clientInfo.</summary>
    public IReadOnlyList<Entity>? Entities { get; init; }
    /// <summary>An invoke's payload, or an Action.Submit's data on a message.</summary>
    public JsonElement? Value { get; init; }
    public JsonElement? ChannelData { get; init; }
}

public sealed record ChannelAccount(string? Id, string? Name = null, string? AadObjectId = null);

public sealed record ConversationAccount(string? Id, string? ConversationType = null, string? TenantId = null);

/// <summary>An activity entity; for a mention, <paramref name="Mentioned"/> is who and <paramref name="Text"/> how it reads (&lt;at&gt;name&lt;/at&gt;).</summary>
public sealed record Entity(string? Type, ChannelAccount? Mentioned = null, string? Text = null);

/// <summary>A member as the Bot Connector describes one (GET …/conversations/{id}/members/{userId}); UserRole is the role in the team.</summary>
public sealed record TeamsChannelAccount(string? Id, string? Name = null, string? UserRole = null);

/// <param name="Content">A card, or for Teams file attachments the download info (downloadUrl, fileType).</param>
public sealed record Attachment(string? ContentType, string? ContentUrl = null, JsonElement? Content = null, string? Name = null);

/// <summary>An activity the bot sends: a reply, or a card replacing an earlier one.</summary>
public sealed record OutgoingActivity(
    string Type,
    string? Text,
    IReadOnlyList<OutgoingAttachment>? Attachments,
    ChannelAccount? From,
    ChannelAccount? Recipient,
    ConversationAccount? Conversation,
    string? ReplyToId,
    string? Id = null);

public sealed record OutgoingAttachment(string ContentType, object Content);

/// <summary>The JSON conventions of the Bot Framework REST API: camelCase, nulls left out.</summary>
public static class BotJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
