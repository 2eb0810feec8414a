using ImageToMusic.DiscordStandIn;
using StandIn = ImageToMusic.DiscordStandIn.DiscordStandIn;

namespace ImageToMusic.Cli.Tests;

/// <summary>`discord register` against the Discord stand-in on 127.0.0.1.</summary>
public sealed class DiscordCommandTests : IAsyncLifetime
{
    private StandIn discord = null!;

    // The stand-in refuses authorised calls without its bot token; it is given the one the CLI is configured with.
    public async Task InitializeAsync() => discord = await StandIn.StartAsync(new StandInOptions { BotToken = Configured["DISCORD_BOT_TOKEN"] });
    public async Task DisposeAsync() => await discord.DisposeAsync();

    private CliRunner.Result Register(Dictionary<string, string> environment, params string[] args) =>
        CliRunner.RunWith(new Dictionary<string, string>(environment) { ["DISCORD_API_BASE"] = discord.ApiBase }, ["discord", "register", .. args]);

    private static readonly Dictionary<string, string> Configured = new() { ["DISCORD_APPLICATION_ID"] = "app-1", ["DISCORD_BOT_TOKEN"] = "token-1" };

    [Fact]
    public void Register_PUTs_both_commands_to_one_guild_with_the_bot_token()
    {
        var result = Register(Configured, "--guild", "guild-9");

        Assert.Equal(0, result.ExitCode);
        var call = Assert.Single(discord.Calls);
        Assert.Equal(("PUT", "/api/v10/applications/app-1/guilds/guild-9/commands", "Bot token-1"), (call.Method, call.Path, call.Authorization));
        Assert.Contains("\"soundtrack\"", call.Body);
        Assert.Contains("\"Find a soundtrack\"", call.Body);
        Assert.Contains("in guild guild-9", result.Stdout);
    }

    [Fact]
    public void Register_without_a_guild_registers_globally()
    {
        Assert.Equal(0, Register(Configured).ExitCode);
        Assert.Equal("/api/v10/applications/app-1/commands", Assert.Single(discord.Calls).Path);
    }

    [Theory]
    [InlineData("DISCORD_APPLICATION_ID")]
    [InlineData("DISCORD_BOT_TOKEN")]
    public void A_missing_setting_is_named_and_nothing_is_sent(string missing)
    {
        var environment = new Dictionary<string, string>(Configured);
        environment[missing] = "";

        var result = Register(environment);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Set {missing}", result.Stderr);
        Assert.Empty(discord.Calls);
    }

    [Fact]
    public void A_refusal_from_Discord_is_reported_with_its_status()
    {
        discord.RateLimitNextCalls(0.01, calls: 10);

        var result = Register(Configured);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("with 429", result.Stderr);
    }
}
