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

    /// <summary>A queue message: its follow-up replied to, or, when it carries none, logged and dropped (retrying cannot help).</summary>
    public Task ReplyAsync(string message, CancellationToken cancellation) =>
        SoundtrackFollowUp.FromJson(message) is { } followUp ? ReplyAsync(followUp, cancellation) : Drop(message);

    /// <summary>A message from the poison queue: the reply edited to say the soundtrack could not be made.</summary>
    public Task GiveUpAsync(string message, CancellationToken cancellation) =>
        SoundtrackFollowUp.FromJson(message) is { } followUp ? GiveUpAsync(followUp, cancellation) : Drop(message);

    private Task Drop(string message)
    {
        logger.LogError("Dropped a follow-up message that is not one ({Length} characters)", message.Length);
        return Task.CompletedTask;
    }
}
