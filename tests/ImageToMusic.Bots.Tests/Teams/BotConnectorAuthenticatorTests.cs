using ImageToMusic.Bots.Teams;
using ImageToMusic.Bots.Tests.Teams.Support;

namespace ImageToMusic.Bots.Tests.Teams;

/// <summary>Bot Connector tokens checked against the stand-in's real OpenID metadata and JWKS over HTTP.</summary>
public sealed class BotConnectorAuthenticatorTests : IAsyncLifetime
{
    private readonly HttpClient http = new();
    private FakeBotConnector connector = null!;
    private BotConnectorAuthenticator authenticator = null!;

    public async Task InitializeAsync()
    {
        connector = await FakeBotConnector.StartAsync();
        authenticator = new BotConnectorAuthenticator(FakeBotConnector.AppId, http, connector.MetadataUrl);
    }

    public async Task DisposeAsync()
    {
        await connector.DisposeAsync();
        http.Dispose();
    }

    private Activity ActivityFor(string? serviceUrl = null, string channel = FakeBotConnector.Channel) =>
        new() { Type = "message", ServiceUrl = serviceUrl ?? connector.ServiceUrl, ChannelId = channel };

    [Fact]
    public async Task A_valid_token_for_the_activity_is_accepted()
    {
        var caller = await authenticator.AuthenticateAsync($"Bearer {connector.Token()}", default);

        caller.Authorize(ActivityFor());
        Assert.Equal(connector.ServiceUrl, caller.ServiceUrl);
        Assert.Contains(FakeBotConnector.Channel, caller.Endorsements);
    }

    [Fact]
    public async Task A_token_expired_within_the_five_minute_skew_is_still_accepted()
    {
        await authenticator.AuthenticateAsync($"Bearer {connector.Token(expires: DateTime.UtcNow.AddMinutes(-4))}", default);
    }

    public static TheoryData<string> Attacks => [.. TokenAttacks.Names];

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Forged_or_stale_tokens_are_refused_with_401(string attack)
    {
        var header = TokenAttacks.Header(connector, attack);

        var refusal = await Assert.ThrowsAsync<TeamsRejection>(() => authenticator.AuthenticateAsync(header, default));

        Assert.Equal(401, refusal.Status);
    }

    [Fact]
    public async Task A_token_for_another_service_url_is_forbidden()
    {
        var caller = await authenticator.AuthenticateAsync($"Bearer {connector.Token(serviceUrl: "https://evil.example/")}", default);

        Assert.Equal(403, Assert.Throws<TeamsRejection>(() => caller.Authorize(ActivityFor())).Status);
    }

    [Fact]
    public async Task A_key_not_endorsed_for_the_channel_is_forbidden()
    {
        var caller = await authenticator.AuthenticateAsync($"Bearer {connector.Token(connector.EndorsedElsewhere)}", default);

        Assert.Equal(403, Assert.Throws<TeamsRejection>(() => caller.Authorize(ActivityFor())).Status);
        caller.Authorize(ActivityFor(channel: "webchat"));
    }
}
