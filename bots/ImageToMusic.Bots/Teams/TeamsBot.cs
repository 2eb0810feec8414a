using System.Text.Json;
using ImageToMusic.Engine;
using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Storage;

namespace ImageToMusic.Bots.Teams;

/// <summary>
/// What the bot does with an authenticated activity: a photo gets a recommendation card, a 👍/👎 is stored and the card
/// refreshed (the adaptiveCard/action invoke, or an Action.Submit message from older clients), anything else a short
/// help reply. Work is done before answering: an analysis takes well under the Bot Connector's 15-second limit.
/// </summary>
public sealed class TeamsBot(Recommender recommender, IAnalysisStore analyses, FeedbackService votes, ImageLimits limits,
    BotConnectorClient connector, TimeProvider? clock = null)
{
    public const string Platform = "teams";
    public const string FileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";
    public const string HelpText = "Send me a photo and I'll suggest five songs that fit its mood. Rate them with 👍 or 👎.";

    private readonly TimeProvider clock = clock ?? TimeProvider.System;

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
            case "message":
                await connector.ReplyAsync(activity, await AnswerPhotoAsync(activity, cancellation), cancellation);
                return TeamsResult.Accepted;
            default:
                return TeamsResult.Accepted; // conversationUpdate and the like need no answer
        }
    }

    private async Task<OutgoingActivity> AnswerPhotoAsync(Activity activity, CancellationToken cancellation)
    {
        if (ImageUrlOf(activity) is not { } url) return Reply(activity, HelpText);
        var source = $"teams:{activity.Conversation!.Id}/{activity.Id}";
        try
        {
            byte[] photo;
            try
            {
                photo = await connector.DownloadAsync(activity, url, limits.MaxBytes, cancellation);
            }
            catch (ImageRejectedException tooLarge) // refused before any analysis, so recorded here; the recommender records the rest
            {
                await analyses.SaveFailureAsync(new AnalysisFailureRecord(RecordIds.NewAnalysisId(), clock.GetUtcNow(), source, tooLarge.Code, tooLarge.Message), cancellation);
                throw;
            }
            var recommendation = await recommender.RecommendAsync(photo, source, community: CommunityOf(activity), cancellation: cancellation);
            return Reply(activity, null, await CardForAsync(recommendation.RecommendationId, cancellation));
        }
        catch (ImageRejectedException e)
        {
            return Reply(activity, $"I couldn't use that image ({e.Code.Replace('_', ' ')}): {e.Message}");
        }
        catch (AttachmentUnavailableException e)
        {
            return Reply(activity, $"I couldn't fetch that image. {e.Message}");
        }
    }

    /// <summary>An inline image (contentUrl on the Bot Connector) or a file shared in Teams (its pre-authorised downloadUrl).</summary>
    private static Uri? ImageUrlOf(Activity activity)
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
        return await CardForAsync(recommendation.Id, cancellation);
    }

    private async Task<object> CardForAsync(string recommendationId, CancellationToken cancellation)
    {
        var recommendation = (await analyses.FindRecommendationAsync(recommendationId, cancellation))!;
        return RecommendationCard.Build(await analyses.FindAnalysisAsync(recommendation.AnalysisId, cancellation), recommendation,
            await votes.VotesOnAsync(recommendationId, cancellation));
    }

    /// <summary>The team a channel message came from; a chat's conversation otherwise.</summary>
    private static string CommunityOf(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("team", out var team) && team.ValueKind == JsonValueKind.Object
        && team.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } teamId
            ? teamId
            : activity.Conversation!.Id!;

    private static OutgoingActivity Reply(Activity to, string? text, object? card = null) => new(
        "message", text,
        card is null ? null : [new OutgoingAttachment(RecommendationCard.ContentType, card)],
        From: to.Recipient, Recipient: to.From, Conversation: to.Conversation, ReplyToId: to.Id);
}
