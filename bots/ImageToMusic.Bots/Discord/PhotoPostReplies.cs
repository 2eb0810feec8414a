using ImageToMusic.Engine;
using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Music.Story;
using Microsoft.Extensions.Logging;

namespace ImageToMusic.Bots.Discord;

/// <summary>
/// The follow-up for a photo posted in a channel with auto-replies on: download its photos, and reply to the message
/// with five tracks for one photo, or one soundtrack for several (a story as a whole). The reply carries the message
/// id as an enforced nonce, so a retried follow-up cannot post it twice. A photo that cannot be used is said so in
/// the reply; other failures are thrown so the queue tries again. Discord refusing the post itself (the message was
/// deleted, the bot may not write there) is logged and dropped: trying again would be refused again.
/// </summary>
public sealed class PhotoPostReplies(Recommender recommender, StoryService stories, AttachmentDownload downloads, DiscordApi api, ILogger<PhotoPostReplies> logger)
{
    public async Task ReplyAsync(PhotoPost post, CancellationToken cancellation)
    {
        DiscordMessage message;
        try
        {
            message = await SoundtrackForAsync(post, cancellation);
        }
        catch (Exception e) when (e is ImageRejectedException or AttachmentUnavailableException)
        {
            message = SoundtrackMessage.Failed(e.Message);
        }
        catch (StoryPhotoRejectedException e)
        {
            message = SoundtrackMessage.Failed($"photo {e.Photo.Index + 1}: {e.Reason.Message}");
        }
        await PostAsync(post, message, cancellation);
    }

    public async Task GiveUpAsync(PhotoPost post, CancellationToken cancellation)
    {
        logger.LogError("Gave up making the soundtrack for message {Message} in channel {Channel}; the reply says so", post.MessageId, post.Channel);
        await PostAsync(post, SoundtrackMessage.Failed(SoundtrackReplies.GaveUp), cancellation);
    }

    private async Task<DiscordMessage> SoundtrackForAsync(PhotoPost post, CancellationToken cancellation)
    {
        var photos = new List<StoryPhoto>();
        foreach (var attachment in post.Photos.Take(SoundtrackMessage.MaxTracks))
            photos.Add(new StoryPhoto(photos.Count, post.SourceOf(attachment), await downloads.ReadAsync(attachment, cancellation)));
        if (photos.Count == 1)
            return SoundtrackMessage.For(await recommender.RecommendAsync(photos[0].Bytes, photos[0].Source, community: post.Guild, cancellation: cancellation));
        return SoundtrackMessage.ForStory(await stories.ComposeAsync(photos, new StoryOptions { Mode = StoryMode.Whole }, cancellation));
    }

    private async Task PostAsync(PhotoPost post, DiscordMessage message, CancellationToken cancellation)
    {
        var reply = message with
        {
            MessageReference = new MessageReference(post.MessageId, post.Channel, post.Guild),
            Nonce = post.MessageId,
            EnforceNonce = true,
            AllowedMentions = AllowedMentions.None,
        };
        try
        {
            await api.CreateMessageAsync(post.Channel, reply, cancellation);
        }
        catch (DiscordApiException e) when (e.Status is 400 or 403 or 404)
        {
            logger.LogWarning("Discord refused the reply to message {Message} in channel {Channel}: {Reason}", post.MessageId, post.Channel, e.Message);
        }
    }
}
