using ImageToMusic.Engine.AutoReplies;
using ImageToMusic.Storage.Sqlite;
using StandIn = ImageToMusic.DiscordStandIn.DiscordStandIn;

namespace ImageToMusic.Cli.Tests;

/// <summary>`discord gateway` as a user runs it: a real process, the Discord stand-in on 127.0.0.1 playing Discord.</summary>
public sealed class DiscordGatewayCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Emotion6Fact]
    public async Task It_replies_to_a_photo_in_a_switched_on_channel_and_exits_with_the_reason_when_Discord_refuses_the_token()
    {
        var store = Path.Combine(TestData.NewTempFolder(), "store.db");
        Assert.Equal(0, CliRunner.Run("catalog", "import", TestData.Catalog("mood_labelled_686.csv"), "--store", store).ExitCode);
        await new SqliteAutoReplyStore(SqliteDatabase.Open(store)).SetAsync(new ChatChannel("discord", "guild-1", "photos"), true, DateTimeOffset.UtcNow);
        await using var discord = await StandIn.StartAsync();
        var photo = discord.Attach("photo.jpg", File.ReadAllBytes(Path.Combine(TestData.Emotion6Images, "joy", "6.jpg")));

        var run = Task.Run(() => CliRunner.RunWith(new Dictionary<string, string>
        {
            ["DISCORD_BOT_TOKEN"] = discord.Options.BotToken, ["DISCORD_API_BASE"] = discord.ApiBase,
        }, "discord", "gateway", "--store", store));
        await discord.WaitForLiveSessionAsync(Timeout);
        await discord.DispatchAsync("MESSAGE_CREATE", new
        {
            id = "1234", channel_id = "photos", guild_id = "guild-1", type = 0, author = new { id = "person-1" },
            attachments = new[] { new { id = "5678", filename = "photo.jpg", size = 1000, url = photo, content_type = "image/jpeg" } },
        });
        await discord.WaitUntilAsync(() => discord.Messages.Count == 1, Timeout, "the reply");
        await discord.CloseAsync(4004, "Authentication failed.");
        var result = await run.WaitAsync(Timeout);

        Assert.Contains("\"message_id\":\"1234\"", discord.Messages[0].RequestBody);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("replying from this process", result.Stderr);
        Assert.Contains("error:", result.Stderr);
        Assert.Contains("token", result.Stderr.Split("error:")[^1], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Without_a_bot_token_it_says_which_setting_to_set()
    {
        var store = Path.Combine(TestData.NewTempFolder(), "store.db");
        Assert.Equal(0, CliRunner.Run("catalog", "import", TestData.Catalog("mood_labelled_686.csv"), "--store", store).ExitCode);

        var result = CliRunner.RunWith(new Dictionary<string, string> { ["DISCORD_BOT_TOKEN"] = "" }, "discord", "gateway", "--store", store);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Set DISCORD_BOT_TOKEN", result.Stderr);
    }

    [Fact]
    public void A_throttle_below_one_reply_a_minute_is_refused()
    {
        var result = CliRunner.RunWith(new Dictionary<string, string> { ["DISCORD_BOT_TOKEN"] = "x" }, "discord", "gateway", "--replies-per-minute", "0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--replies-per-minute must be at least 1", result.Stderr);
    }
}
