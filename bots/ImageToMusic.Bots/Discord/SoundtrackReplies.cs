using ImageToMusic.Engine;
using ImageToMusic.Engine.Imaging;
using Microsoft.Extensions.Logging;

namespace ImageToMusic.Bots.Discord;

/// <summary>
/// The work a follow-up stands for: download the photo, recommend, and edit the soundtrack into the interaction's
/// reply. A photo that cannot be used is the user's answer ("that image could not be read") and is not retried;
/// any other failure (a store or Discord unreachable) is thrown so the queue tries again, and once it has given up,
/// <see cref="GiveUpAsync"/> tells the user instead of leaving them watching "thinking…".
/// </summary>
public sealed class SoundtrackReplies(Recommender recommender, AttachmentDownload downloads, DiscordApi api, ILogger<SoundtrackReplies> logger)
{
    public const string GaveUp = "something went wrong on my side; please try again later.";

    public async Task ReplyAsync(SoundtrackFollowUp followUp, CancellationToken cancellation)
    {
        DiscordMessage message;
        try
        {
            var photo = await downloads.ReadAsync(followUp.Attachment, cancellation);
            message = SoundtrackMessage.For(await recommender.RecommendAsync(photo, followUp.Source, community: followUp.Guild, cancellation: cancellation));
        }
        catch (Exception e) when (e is ImageRejectedException or AttachmentUnavailableException)
        {
            message = SoundtrackMessage.Failed(e.Message);
        }
        await api.EditOriginalResponseAsync(followUp.ApplicationId, followUp.Token, message, cancellation);
    }

    public async Task GiveUpAsync(SoundtrackFollowUp followUp, CancellationToken cancellation)
    {
        logger.LogError("Gave up making the soundtrack for {Source}; the reply now says so", followUp.Source);
        await api.EditOriginalResponseAsync(followUp.ApplicationId, followUp.Token, SoundtrackMessage.Failed(GaveUp), cancellation);
    }
}
