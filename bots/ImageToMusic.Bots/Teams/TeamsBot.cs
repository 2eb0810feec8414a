using System.Text.Json;
using ImageToMusic.Bots.FollowUps;
using ImageToMusic.Engine;
using ImageToMusic.Engine.Feedback;

namespace ImageToMusic.Bots.Teams;

/// <summary>
/// What the bot does with an authenticated activity: a photo is owed a recommendation card, which a follow-up makes
/// (<see cref="TeamsPhotoReplies"/>) once the activity is acknowledged; a 👍/👎 is stored and the card refreshed (the
/// adaptiveCard/action invoke, or an Action.Submit message from older clients); anything else gets a short help reply.
/// </summary>
public sealed class TeamsBot(FeedbackService votes, RecommendationCards cards, IFollowUpQueue followUps, BotConnectorClient connector)
{
    public const string Platform = "teams";
    public const string FileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";
    public const string HelpText = "Send me a photo and I'll suggest five songs that fit its mood. Rate them with 👍 or 👎.";

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
    internal static string CommunityOf(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("team", out var team) && team.ValueKind == JsonValueKind.Object
        && team.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } teamId
            ? teamId
            : activity.Conversation!.Id!;

    internal static OutgoingActivity Reply(Activity to, string? text, object? card = null) => new(
        "message", text,
        card is null ? null : [new OutgoingAttachment(RecommendationCard.ContentType, card)],
        From: to.Recipient, Recipient: to.From, Conversation: to.Conversation, ReplyToId: to.Id);
}
