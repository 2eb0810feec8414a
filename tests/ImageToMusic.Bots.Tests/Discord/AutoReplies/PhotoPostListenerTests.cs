using System.Diagnostics.Metrics;
using System.Text.Json;
using ImageToMusic.Bots.Discord;
using ImageToMusic.Bots.Discord.AutoReplies;
using ImageToMusic.Bots.FollowUps;
using ImageToMusic.Engine.AutoReplies;
using ImageToMusic.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ImageToMusic.Bots.Tests.Discord.AutoReplies;

/// <summary>The gateway's handler over a real SQLite store, handing follow-ups to a queue that records them.</summary>
public sealed class PhotoPostListenerTests
{
    private const string Guild = "guild-1";
    private const string Photos = "photos";
    private const string BotUser = "bot-user";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly SqliteAutoReplyStore channels = new(SqliteDatabase.Open(Path.Combine(TestData.NewTempFolder(), "imagetomusic.db")));
    private readonly RecordingQueue queue = new();
    private readonly PhotoPostListener listener;

    public PhotoPostListenerTests() =>
        listener = new PhotoPostListener(channels, queue, new ChannelThrottle(ChannelThrottle.DefaultPerMinute, clock), NullLogger<PhotoPostListener>.Instance,
            TimeProvider.System);

    private Task SwitchOnAsync(string channel = Photos) => channels.SetAsync(new ChatChannel("discord", Guild, channel), true, clock.GetUtcNow());

    private Task PostAsync(string id, string channel = Photos, string author = "person-1", bool? bot = null, string? webhook = null, int type = 0,
        string? guild = Guild, params (string Id, string ContentType)[] attachments)
    {
        if (attachments.Length == 0) attachments = [($"{id}-a", "image/jpeg")];
        var message = new Dictionary<string, object?>
        {
            ["id"] = id, ["channel_id"] = channel, ["type"] = type, ["content"] = "look!",
            ["author"] = new Dictionary<string, object?> { ["id"] = author, ["username"] = "someone", ["bot"] = bot },
            ["attachments"] = attachments.Select(a => new { id = a.Id, filename = "p.jpg", size = 1000, url = $"https://cdn.discordapp.com/attachments/{a.Id}/p.jpg", content_type = a.ContentType }),
        };
        if (guild is not null) message["guild_id"] = guild;
        if (webhook is not null) message["webhook_id"] = webhook;
        return listener.HandleAsync(PhotoPostListener.MessageCreate, JsonSerializer.SerializeToElement(message), CancellationToken.None);
    }

    private Task ReadyAsync() => listener.HandleAsync("READY", JsonSerializer.SerializeToElement(new { session_id = "s", user = new { id = BotUser, bot = true } }), CancellationToken.None);

    [Fact]
    public async Task A_photo_posted_in_a_switched_on_channel_becomes_one_follow_up_carrying_its_images_only()
    {
        await SwitchOnAsync();

        await PostAsync("m-1", attachments: [("a-1", "image/jpeg"), ("a-2", "application/pdf"), ("a-3", "image/png")]);

        var post = Assert.Single(queue.FollowUps).DiscordPost!;
        Assert.Equal((Guild, Photos, "m-1"), (post.Guild, post.Channel, post.MessageId));
        Assert.Equal(["a-1", "a-3"], post.Photos.Select(p => p.Id));
        Assert.Equal(1, listener.Counts[PhotoPostOutcome.Enqueued]);
    }

    [Fact]
    public async Task A_photo_in_a_channel_that_is_off_is_left_alone()
    {
        await SwitchOnAsync("another-channel");

        await PostAsync("m-1");

        Assert.Empty(queue.FollowUps);
        Assert.Equal(1, listener.Counts[PhotoPostOutcome.ChannelOff]);
    }

    [Fact]
    public async Task Bots_this_bot_webhooks_system_messages_direct_messages_and_text_are_not_photo_posts()
    {
        await SwitchOnAsync();
        await ReadyAsync();

        await PostAsync("m-bot", author: "other-bot", bot: true);
        await PostAsync("m-self", author: BotUser);
        await PostAsync("m-hook", webhook: "hook-1");
        await PostAsync("m-pin", type: 6);
        await PostAsync("m-dm", guild: null);
        await PostAsync("m-text", attachments: [("a-1", "text/plain")]);

        Assert.Empty(queue.FollowUps);
        Assert.Equal(6, listener.Counts[PhotoPostOutcome.NotAPhotoPost]);
    }

    [Fact]
    public async Task A_reply_with_a_photo_counts_as_a_photo_post()
    {
        await SwitchOnAsync();

        await PostAsync("m-reply", type: 19);

        Assert.Single(queue.FollowUps);
    }

    [Fact]
    public async Task A_message_delivered_again_after_a_resume_is_handed_on_once()
    {
        await SwitchOnAsync();

        await PostAsync("m-1");
        await PostAsync("m-1");
        await PostAsync("m-1");

        Assert.Single(queue.FollowUps);
        Assert.Equal(2, listener.Counts[PhotoPostOutcome.Duplicate]);
    }

    [Fact]
    public async Task A_flood_in_one_channel_is_throttled_and_the_skipped_photos_counted_while_other_channels_carry_on()
    {
        await SwitchOnAsync();
        await SwitchOnAsync("holidays");

        for (var i = 0; i < 15; i++) await PostAsync($"m-{i}");
        await PostAsync("m-holiday", channel: "holidays");
        clock.Advance(TimeSpan.FromMinutes(1));
        await PostAsync("m-later");

        Assert.Equal(12, queue.FollowUps.Count);
        Assert.Equal(5, listener.Counts[PhotoPostOutcome.Throttled]);
        Assert.Contains(queue.FollowUps, f => f.DiscordPost!.MessageId == "m-later");
    }

    [Fact]
    public async Task Each_outcome_is_counted_on_the_meter_with_its_tag()
    {
        var measured = new List<(long Value, string? Outcome)>();
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == PhotoPostListener.MeterName) l.EnableMeasurementEvents(instrument);
            },
        };
        meterListener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags) if (tag.Key == "outcome") lock (measured) measured.Add((value, tag.Value as string));
        });
        meterListener.Start();
        await SwitchOnAsync();

        for (var i = 0; i < 12; i++) await PostAsync($"m-{i}");
        await PostAsync("m-0", channel: "off-channel");
        await PostAsync("m-text", attachments: [("a-1", "text/plain")]);

        lock (measured)
        {
            Assert.Equal(10, measured.Where(m => m.Outcome == "enqueued").Sum(m => m.Value));
            Assert.Equal(2, measured.Where(m => m.Outcome == "throttled").Sum(m => m.Value));
            Assert.Equal(1, measured.Where(m => m.Outcome == "channel_off").Sum(m => m.Value));
            Assert.Equal(13, measured.Count); // a message that is not a photo post is not measured
        }
    }

    [Fact]
    public async Task At_most_ten_photos_of_one_message_are_taken()
    {
        await SwitchOnAsync();

        await PostAsync("m-album", attachments: [.. Enumerable.Range(0, 14).Select(i => ($"a-{i}", "image/jpeg"))]);

        Assert.Equal(SoundtrackMessage.MaxTracks, Assert.Single(queue.FollowUps).DiscordPost!.Photos.Count);
    }

    [Fact]
    public async Task A_queue_that_refuses_twice_still_gets_the_photo_on_the_third_try()
    {
        await SwitchOnAsync();
        queue.Failures = 2;

        await PostAsync("m-1");

        Assert.Single(queue.FollowUps);
        Assert.Equal(1, listener.Counts[PhotoPostOutcome.Enqueued]);
    }

    [Fact]
    public async Task A_message_the_queue_kept_refusing_is_handed_on_if_it_is_delivered_again()
    {
        await SwitchOnAsync();
        queue.Failures = PhotoPostListener.EnqueueAttempts;

        await Assert.ThrowsAsync<IOException>(() => PostAsync("m-1"));
        await PostAsync("m-1");

        Assert.Single(queue.FollowUps);
    }

    private sealed class RecordingQueue : IFollowUpQueue
    {
        public List<BotFollowUp> FollowUps { get; } = [];
        /// <summary>How many of the next calls fail.</summary>
        public int Failures { get; set; }

        public Task EnqueueAsync(BotFollowUp followUp, CancellationToken cancellation)
        {
            if (Failures > 0)
            {
                Failures--;
                throw new IOException("the queue is unreachable");
            }
            // Through the wire format, as a Storage queue would carry it.
            FollowUps.Add(BotFollowUp.FromJson(followUp.ToJson()) ?? throw new InvalidOperationException("A follow-up the queue would drop."));
            return Task.CompletedTask;
        }
    }
}
