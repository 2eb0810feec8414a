using ImageToMusic.Engine;
using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Storage;

namespace ImageToMusic.Bots.Teams;

/// <summary>
/// The follow-up for a photo posted to the Teams bot: download it, recommend, and reply with the card. A photo that
/// cannot be used gets a reply saying why; any other failure is thrown so the queue tries again, and once it gives up
/// <see cref="GiveUpAsync"/> says so in the conversation.
/// </summary>
public sealed class TeamsPhotoReplies(Recommender recommender, IAnalysisStore analyses, RecommendationCards cards, ImageLimits limits,
    BotConnectorClient connector, TimeProvider clock)
{
    public const string GaveUp = "Something went wrong on my side, so I have no songs for that photo; please try again later.";

    public async Task ReplyAsync(Activity activity, CancellationToken cancellation) =>
        await connector.ReplyAsync(activity, await AnswerPhotoAsync(activity, cancellation), cancellation);

    public Task GiveUpAsync(Activity activity, CancellationToken cancellation) =>
        connector.ReplyAsync(activity, TeamsBot.Reply(activity, GaveUp), cancellation);

    private async Task<OutgoingActivity> AnswerPhotoAsync(Activity activity, CancellationToken cancellation)
    {
        if (TeamsBot.ImageUrlOf(activity) is not { } url) return TeamsBot.Reply(activity, TeamsBot.HelpText);
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
            var recommendation = await recommender.RecommendAsync(photo, source, community: TeamsBot.CommunityOf(activity), cancellation: cancellation);
            return TeamsBot.Reply(activity, null, await cards.ForAsync(recommendation.RecommendationId, cancellation));
        }
        catch (ImageRejectedException e)
        {
            return TeamsBot.Reply(activity, $"I couldn't use that image ({e.Code.Replace('_', ' ')}): {e.Message}");
        }
        catch (AttachmentUnavailableException e)
        {
            return TeamsBot.Reply(activity, $"I couldn't fetch that image. {e.Message}");
        }
    }
}
