using System.Text;
using ImageToMusic.Bots.Discord;

namespace ImageToMusic.Bots.Tests.Discord;

public sealed class DiscordSignatureTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":1}""");
    private readonly InteractionSigner discord = new();

    private string? Check(string? signature, string? timestamp, byte[] body, DateTimeOffset? now = null)
    {
        var clock = now is { } at ? new FixedClock(at) : null;
        return new DiscordSignature(discord.PublicKeyHex, clock).Problem(signature, timestamp, body);
    }

    [Fact]
    public void RFC_8032_test_vector_1_verifies_and_a_changed_signature_does_not()
    {
        var signature = Convert.FromHexString("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        var key = new DiscordSignature("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

        Assert.True(key.Verifies([], signature));
        signature[0] ^= 1;
        Assert.False(key.Verifies([], signature));
    }

    [Fact]
    public void A_fresh_request_signed_with_the_application_key_passes()
    {
        var timestamp = InteractionSigner.TimestampOf(DateTimeOffset.UtcNow);
        Assert.Null(Check(discord.Sign(timestamp, Body), timestamp, Body));
    }

    [Fact]
    public void A_body_changed_after_signing_fails()
    {
        var timestamp = InteractionSigner.TimestampOf(DateTimeOffset.UtcNow);
        Assert.Equal("the signature does not match", Check(discord.Sign(timestamp, Body), timestamp, Encoding.UTF8.GetBytes("""{"type":2}""")));
    }

    [Fact]
    public void A_signature_by_another_key_fails()
    {
        var timestamp = InteractionSigner.TimestampOf(DateTimeOffset.UtcNow);
        Assert.Equal("the signature does not match", Check(new InteractionSigner().Sign(timestamp, Body), timestamp, Body));
    }

    [Fact]
    public void A_timestamp_changed_after_signing_fails()
    {
        var now = DateTimeOffset.UtcNow;
        var signature = discord.Sign(InteractionSigner.TimestampOf(now), Body);
        Assert.Equal("the signature does not match", Check(signature, InteractionSigner.TimestampOf(now.AddSeconds(1)), Body));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void A_timestamp_more_than_five_minutes_away_fails_even_when_signed(int secondsFromNow)
    {
        var now = DateTimeOffset.UtcNow;
        var timestamp = InteractionSigner.TimestampOf(now.AddSeconds(secondsFromNow));
        Assert.Contains("more than 5 minutes", Check(discord.Sign(timestamp, Body), timestamp, Body, now));
    }

    [Theory]
    [InlineData(null, "1700000000")]
    [InlineData("", "1700000000")]
    [InlineData("00", null)]
    [InlineData("not hex at all", "1700000000")]
    [InlineData("00", "yesterday")]
    public void Missing_or_malformed_headers_fail(string? signature, string? timestamp)
    {
        var hexSignature = signature == "00" ? new string('0', 128) : signature;
        Assert.NotNull(Check(hexSignature, timestamp, Body));
    }

    [Fact]
    public void A_public_key_that_is_not_64_hex_digits_is_refused_naming_the_setting()
    {
        var e = Assert.Throws<ArgumentException>(() => new DiscordSignature("abc"));
        Assert.Contains(DiscordSettings.PublicKey, e.Message);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
