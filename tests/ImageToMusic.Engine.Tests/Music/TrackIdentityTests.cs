using ImageToMusic.Engine.Music;

namespace ImageToMusic.Engine.Tests.Music;

public class TrackIdentityTests
{
    [Theory]
    [InlineData("Beyoncé", "beyonce")]
    [InlineData("  Guns N' Roses ", "guns n roses")]
    [InlineData("...Ready For It?", "ready for it")]
    [InlineData("Ｆｕｌｌ　Ｗｉｄｔｈ", "full width")]
    [InlineData("Sigur Rós — Hoppípolla", "sigur ros hoppipolla")]
    public void Normalise_drops_case_accents_punctuation_and_extra_spaces(string text, string expected) =>
        Assert.Equal(expected, TrackIdentity.Normalise(text));

    [Fact]
    public void Same_title_and_artist_written_differently_share_a_key_and_an_id()
    {
        var a = TrackIdentity.MatchKey("Halo", "Beyoncé");
        var b = TrackIdentity.MatchKey("halo!", "BEYONCE");

        Assert.Equal(a, b);
        Assert.Equal(TrackIdentity.DerivedId(a), TrackIdentity.DerivedId(b));
        Assert.NotEqual(a, TrackIdentity.MatchKey("Halo", "Beyoncé Knowles"));
        Assert.NotEqual(TrackIdentity.MatchKey("a b", "c"), TrackIdentity.MatchKey("a", "b c"));
    }
}
