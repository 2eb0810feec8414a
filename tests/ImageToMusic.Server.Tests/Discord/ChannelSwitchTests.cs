using System.Net;
using System.Text.Json;
using ImageToMusic.Bots.Discord;
using ImageToMusic.Engine.AutoReplies;
using ImageToMusic.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ImageToMusic.Server.Tests.Discord;

/// <summary>`/soundtrack-channel on|off` through the real app on 127.0.0.1, signed as Discord signs, into the real store.</summary>
public sealed class ChannelSwitchTests : IAsyncLifetime
{
    private const string ManageChannels = "16";
    private const string Administrator = "8";
    private const string SendMessagesOnly = "2048";
    private readonly InteractionSigner discordKey = new();
    private readonly HttpClient anonymous = new();
    private RunningApp app = null!;

    public async Task InitializeAsync() => app = await RunningApp.StartAsync(extraSettings: new Dictionary<string, string>
    {
        [AppSettings.DiscordPublicKey] = discordKey.PublicKeyHex,
    });

    public async Task DisposeAsync()
    {
        anonymous.Dispose();
        await app.DisposeAsync();
    }

    private IAutoReplyStore Channels => app.AppServices.GetRequiredService<IAutoReplyStore>();

    private static ChatChannel Photos => new("discord", "guild-1", "photos");

    private async Task<JsonElement> SwitchAsync(string state, string? permissions = ManageChannels, string? guild = "guild-1")
    {
        var interaction = new Dictionary<string, object?>
        {
            ["type"] = 2, ["id"] = "9100", ["application_id"] = "app-1", ["token"] = "t", ["channel_id"] = "photos",
            ["data"] = new { name = DiscordCommands.SoundtrackChannel, type = 1, options = new[] { new { name = "state", type = 3, value = state } } },
        };
        if (guild is null) interaction["user"] = new { id = "user-1" };
        else
        {
            interaction["guild_id"] = guild;
            interaction["member"] = new { user = new { id = "user-1" }, permissions };
        }
        using var response = await anonymous.SendAsync(discordKey.Request(new Uri(app.BaseAddress, "/api/discord/interactions").ToString(), JsonSerializer.Serialize(interaction)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static bool IsPrivate(JsonElement answer) => answer.GetProperty("data").TryGetProperty("flags", out var flags) && flags.GetInt32() == 64;

    [Fact]
    public async Task A_member_who_manages_the_channel_turns_it_on_for_all_to_see_and_off_again()
    {
        var on = await SwitchAsync("on");

        Assert.Equal(4, on.GetProperty("type").GetInt32());
        Assert.False(IsPrivate(on));
        Assert.Contains("on", on.GetProperty("data").GetProperty("content").GetString());
        Assert.True(await Channels.IsOnAsync(Photos));

        var off = await SwitchAsync("off");

        Assert.False(IsPrivate(off));
        Assert.False(await Channels.IsOnAsync(Photos));
    }

    [Fact]
    public async Task An_administrator_may_switch_it_too()
    {
        await SwitchAsync("on", permissions: Administrator);

        Assert.True(await Channels.IsOnAsync(Photos));
    }

    [Theory]
    [InlineData(SendMessagesOnly)]
    [InlineData(null)]
    [InlineData("not a number")]
    public async Task A_member_without_Manage_Channels_is_told_privately_and_nothing_changes(string? permissions)
    {
        var answer = await SwitchAsync("on", permissions);

        Assert.True(IsPrivate(answer));
        Assert.Contains("manage this channel", answer.GetProperty("data").GetProperty("content").GetString());
        Assert.False(await Channels.IsOnAsync(Photos));
    }

    [Fact]
    public async Task Switching_to_the_state_it_is_already_in_is_answered_privately()
    {
        await SwitchAsync("on");

        var again = await SwitchAsync("on");

        Assert.True(IsPrivate(again));
        Assert.Contains("already on", again.GetProperty("data").GetProperty("content").GetString());
    }

    [Fact]
    public async Task In_a_direct_message_there_is_no_channel_to_switch()
    {
        var answer = await SwitchAsync("on", guild: null);

        Assert.True(IsPrivate(answer));
        Assert.Contains("server's channels", answer.GetProperty("data").GetProperty("content").GetString());
    }
}
