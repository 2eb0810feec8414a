using System.Text.Json;
using ImageToMusic.Bots.FollowUps;
using ImageToMusic.Engine;
using ImageToMusic.Engine.AutoReplies;
using ImageToMusic.Engine.Feedback;

namespace ImageToMusic.Bots.Teams;

/// <summary>
/// What the bot does with an authenticated activity: a photo is owed a recommendation card, which a follow-up makes
/// (<see cref="TeamsPhotoReplies"/>) once the activity is acknowledged; a 👍/👎 is stored and the card refreshed (the
/// adaptiveCard/action invoke, or an Action.Submit message from older clients); anything else gets a short help reply.
/// In a team's channel, where resource-specific consent delivers every message, the bot answers a photo that mentions
/// it or is posted where a team owner turned photo replies on (<c>@ImageToMusic photos on|off</c>, kept in the
/// <see cref="IAutoReplyStore"/>), and stays silent otherwise: no reply and no call to the Bot Connector.
/// </summary>
public sealed class TeamsBot(FeedbackService votes, RecommendationCards cards, IFollowUpQueue followUps, BotConnectorClient connector,
    IAutoReplyStore autoReplies, TimeProvider clock)
{
    public const string Platform = "teams";
    public const string FileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";
    public const string HelpText = "Send me a photo and I'll suggest five songs that fit its mood. Rate them with 👍 or 👎. "
                                   + "In a team's channel, mention me with a photo; or a team owner can say @ImageToMusic photos on "
                                   + "there and I'll answer every photo posted in that channel (photos off to stop).";
    public const string TurnedOn = "Photo replies are on in this channel: I'll answer every photo posted here with five songs. A team owner can say @ImageToMusic photos off to stop.";
    public const string AlreadyOn = "Photo replies were already on in this channel; nothing changed.";
    public const string TurnedOff = "Photo replies are off in this channel. Mention me with a photo and I'll still answer it.";
    public const string AlreadyOff = "Photo replies were already off in this channel; nothing changed.";
    public const string OwnersOnly = "Sorry, only a team owner can turn photo replies on or off in a channel.";
    public const string NotInATeam = "Photo replies can only be switched in a team's channel.";
    /// <summary>The Bot Connector's userRole for a team owner.</summary>
    public const string OwnerRole = "owner";

    public async Task<TeamsResult> HandleAsync(Activity activity, CancellationToken cancellation)
    {
        if (activity.Conversation?.Id is null || activity.From?.Id is null)
            throw TeamsRejection.BadRequest("The activity has no conversation id or sender.");
        switch (activity.Type)
        {
            case "invoke" when activity.Name == "adaptiveCard/action":
                var action = activity.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("action", out var a) ? a : default;
                if (action.ValueKind != JsonValueKind.Object || !action.TryGetProperty("verb", out var verb) || verb.ValueKind != JsonValueKind.String || verb.GetString() != CardVote.Verb)
                    throw TeamsRejection.BadRequest($"An adaptiveCard/action must carry action.verb \"{CardVote.Verb}\".");
                return TeamsResult.Card(await VoteAsync(activity, CardVote.Parse(action.TryGetProperty("data", out var data) ? data : default), cancellation));
            case "invoke":
                throw new TeamsRejection(501, $"The invoke '{activity.Name}' is not handled.");
            case "message" when activity.Value is { ValueKind: JsonValueKind.Object } submitted:
                if (activity.ReplyToId is null) throw TeamsRejection.BadRequest("An Action.Submit message must name the card it came from (replyToId).");
                var card = await VoteAsync(activity, CardVote.Parse(submitted), cancellation);
                await connector.UpdateAsync(activity, activity.ReplyToId, Reply(activity, null, card), cancellation);
                return TeamsResult.Accepted;
            case "message" when activity.Conversation.ConversationType == "channel":
                return await InChannelAsync(activity, cancellation);
            case "message" when ImageUrlOf(activity) is null:
                await connector.ReplyAsync(activity, Reply(activity, HelpText), cancellation);
                return TeamsResult.Accepted;
            case "message":
                await followUps.EnqueueAsync(new BotFollowUp(Teams: activity), cancellation);
                return TeamsResult.Accepted;
            default:
                return TeamsResult.Accepted; // conversationUpdate and the like need no answer
        }
    }

    /// <summary>
    /// A channel message (all of them reach the bot with resource-specific consent): the switch when it mentions the bot,
    /// a photo when it mentions the bot or the channel's replies are on, the help text for any other mention, else silence.
    /// </summary>
    private async Task<TeamsResult> InChannelAsync(Activity activity, CancellationToken cancellation)
    {
        var mentioned = ChannelCommand.MentionsBot(activity);
        var channel = ChannelOf(activity);
        if (mentioned && ChannelCommand.SwitchOf(activity.Text) is { } on)
        {
            await connector.ReplyAsync(activity, Reply(activity, await SwitchAsync(activity, channel, on, cancellation)), cancellation);
            return TeamsResult.Accepted;
        }
        if (ImageUrlOf(activity) is not null)
        {
            if (mentioned || (channel is not null && await autoReplies.IsOnAsync(channel, cancellation)))
                await followUps.EnqueueAsync(new BotFollowUp(Teams: activity), cancellation);
            return TeamsResult.Accepted;
        }
        if (mentioned)
            await connector.ReplyAsync(activity, Reply(activity, HelpText), cancellation);
        return TeamsResult.Accepted;
    }

    /// <summary>Turns the channel's photo replies on or off if the sender owns the team; what to tell them.</summary>
    private async Task<string> SwitchAsync(Activity activity, ChatChannel? channel, bool on, CancellationToken cancellation)
    {
        if (channel is null) return NotInATeam;
        var role = await connector.MemberRoleAsync(activity, channel.Community, activity.From!.Id!, cancellation);
        if (!string.Equals(role, OwnerRole, StringComparison.OrdinalIgnoreCase)) return OwnersOnly;
        var changed = await autoReplies.SetAsync(channel, on, clock.GetUtcNow(), cancellation);
        return (on, changed) switch { (true, true) => TurnedOn, (true, false) => AlreadyOn, (false, true) => TurnedOff, (false, false) => AlreadyOff };
    }

    /// <summary>The team and channel a channel message was posted in (channelData.team.id, channelData.channel.id), if both are named.</summary>
    internal static ChatChannel? ChannelOf(Activity activity) =>
        IdIn(activity.ChannelData, "team") is { } team && IdIn(activity.ChannelData, "channel") is { } channel
            ? new ChatChannel(Platform, team, channel)
            : null;

    private static string? IdIn(JsonElement? data, string property) =>
        data is { ValueKind: JsonValueKind.Object } d
        && d.TryGetProperty(property, out var o) && o.ValueKind == JsonValueKind.Object
        && o.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } value
            ? value
            : null;

    /// <summary>An inline image (contentUrl on the Bot Connector) or a file shared in Teams (its pre-authorised downloadUrl).</summary>
    internal static Uri? ImageUrlOf(Activity activity)
    {
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (attachment.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true
                && Uri.TryCreate(attachment.ContentUrl, UriKind.Absolute, out var inline))
                return inline;
            if (attachment.ContentType == FileDownloadInfo
                && attachment.Content is { ValueKind: JsonValueKind.Object } info
                && info.TryGetProperty("downloadUrl", out var download)
                && Uri.TryCreate(download.GetString(), UriKind.Absolute, out var file))
                return file;
        }
        return null;
    }

    /// <summary>Stores one person's vote (a changed vote replaces theirs) and returns the card with the new counts.</summary>
    private async Task<object> VoteAsync(Activity activity, CardVote vote, CancellationToken cancellation)
    {
        var recommendation = await votes.FindRecommendationAsync(vote.RecommendationId, cancellation: cancellation)
                             ?? throw TeamsRejection.BadRequest($"No recommendation with id '{vote.RecommendationId}'.");
        try
        {
            await votes.RecordAsync(recommendation, vote.TrackId, vote.Vote, Platform, activity.From!.AadObjectId ?? activity.From.Id!, CommunityOf(activity), cancellation);
        }
        catch (ArgumentException e)
        {
            throw TeamsRejection.BadRequest(e.Reason());
        }
        return await cards.ForAsync(recommendation.Id, cancellation);
    }

    /// <summary>The team a channel message came from; a chat's conversation otherwise.</summary>
    internal static string CommunityOf(Activity activity) => IdIn(activity.ChannelData, "team") ?? activity.Conversation!.Id!;

    internal static OutgoingActivity Reply(Activity to, string? text, object? card = null) => new(
        "message", text,
        card is null ? null : [new OutgoingAttachment(RecommendationCard.ContentType, card)],
        From: to.Recipient, Recipient: to.From, Conversation: to.Conversation, ReplyToId: to.Id);
}
