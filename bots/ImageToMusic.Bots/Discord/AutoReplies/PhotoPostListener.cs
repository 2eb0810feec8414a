using System.Diagnostics.Metrics;
using System.Text.Json;
using ImageToMusic.Bots.FollowUps;
using ImageToMusic.Engine.AutoReplies;
using Microsoft.Extensions.Logging;

namespace ImageToMusic.Bots.Discord.AutoReplies;

/// <summary>What became of a MESSAGE_CREATE the listener looked at.</summary>
public enum PhotoPostOutcome
{
    /// <summary>Handed on as one follow-up.</summary>
    Enqueued,
    /// <summary>Not a person's message with an image in a server channel: bots (this one too), webhooks, system messages, text.</summary>
    NotAPhotoPost,
    /// <summary>In a channel whose auto-replies are off.</summary>
    ChannelOff,
    /// <summary>Delivered again (a Gateway replay) after it was handed on.</summary>
    Duplicate,
    /// <summary>Skipped: the channel already had its replies for this minute.</summary>
    Throttled,
}

/// <summary>
/// The gateway's handler: a photo posted by a person in a channel with auto-replies on becomes one follow-up on the
/// queue (the same queue /soundtrack uses), once per message however often the Gateway delivers it, and at most
/// <see cref="ChannelThrottle.PerMinute"/> a minute per channel. Everything else is ignored. It only decides and
/// hands on, so the connection never waits for a soundtrack. Skips are logged and counted (meter
/// <see cref="MeterName"/>, counter <c>imagetomusic.discord.photo_posts</c> by outcome).
/// </summary>
public sealed class PhotoPostListener(IAutoReplyStore channels, IFollowUpQueue followUps, ChannelThrottle throttle, ILogger<PhotoPostListener> logger,
    TimeProvider clock, IMeterFactory? meters = null)
{
    /// <summary>How often handing a photo on is tried, 1 s, 2 s … apart, before it is given up (and logged by the Gateway client).</summary>
    public const int EnqueueAttempts = 3;
    public static readonly TimeSpan EnqueueRetryPause = TimeSpan.FromSeconds(1);

    public const string MeterName = "ImageToMusic.Discord";
    public const string MessageCreate = "MESSAGE_CREATE";
    private const string Ready = "READY";

    private readonly RecentIds handedOn = new();
    private readonly Counter<long> counter = (meters?.Create(MeterName) ?? new Meter(MeterName)).CreateCounter<long>("imagetomusic.discord.photo_posts",
        description: "MESSAGE_CREATE events with photos looked at, by outcome");
    private readonly long[] counts = new long[Enum.GetValues<PhotoPostOutcome>().Length];
    private string? botUserId;

    /// <summary>How many events ended each way since the start.</summary>
    public IReadOnlyDictionary<PhotoPostOutcome, long> Counts =>
        Enum.GetValues<PhotoPostOutcome>().ToDictionary(o => o, o => Interlocked.Read(ref counts[(int)o]));

    /// <summary>One dispatch from the Gateway: READY tells who the bot is; MESSAGE_CREATE may be a photo post.</summary>
    public async Task HandleAsync(string type, JsonElement data, CancellationToken cancellation)
    {
        if (type == Ready)
        {
            botUserId = data.TryGetProperty("user", out var user) && user.TryGetProperty("id", out var id) ? id.GetString() : null;
            return;
        }
        if (type != MessageCreate) return;
        var outcome = await DecideAsync(data.Deserialize<GatewayMessage>(DiscordJson.Options), cancellation);
        Interlocked.Increment(ref counts[(int)outcome]);
        if (outcome != PhotoPostOutcome.NotAPhotoPost) counter.Add(1, new KeyValuePair<string, object?>("outcome", JsonNamingPolicy.SnakeCaseLower.ConvertName(outcome.ToString())));
    }

    private async Task<PhotoPostOutcome> DecideAsync(GatewayMessage? message, CancellationToken cancellation)
    {
        if (message is not { Id: { } id, ChannelId: { } channel, GuildId: { } guild, Author.Id: { } author, WebhookId: null, Type: 0 or 19 }
            || message.Author.Bot == true || author == botUserId)
            return PhotoPostOutcome.NotAPhotoPost;
        var photos = (message.Attachments ?? []).Where(a => a.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true).ToList();
        if (photos.Count == 0) return PhotoPostOutcome.NotAPhotoPost;
        if (!await channels.IsOnAsync(new ChatChannel(ChannelSwitchCommand.Platform, guild, channel), cancellation)) return PhotoPostOutcome.ChannelOff;
        if (!handedOn.TryAdd(id)) return PhotoPostOutcome.Duplicate;
        if (!throttle.TryTake(channel))
        {
            logger.LogWarning("Skipped the photos of message {Message}: channel {Channel} already had {PerMinute} replies this minute", id, channel, throttle.PerMinute);
            return PhotoPostOutcome.Throttled;
        }
        var followUp = new BotFollowUp(DiscordPost: new PhotoPost(guild, channel, id, [.. photos.Take(SoundtrackMessage.MaxTracks)]));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await followUps.EnqueueAsync(followUp, cancellation);
                return PhotoPostOutcome.Enqueued;
            }
            catch (Exception e) when (attempt < EnqueueAttempts && e is not OperationCanceledException)
            {
                // The Gateway will not deliver this event again, so a queue that blinks must not lose the photo.
                logger.LogWarning(e, "Handing on message {Message} failed (attempt {Attempt} of {Attempts}); trying again", id, attempt, EnqueueAttempts);
                await Task.Delay(EnqueueRetryPause * attempt, clock, cancellation);
            }
            catch
            {
                handedOn.Remove(id); // not handed on: should Discord deliver it again, it is tried again
                throw;
            }
        }
    }
}
