using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Music.Catalog;

namespace ImageToMusic.Engine.Tests.Music;

/// <summary>The non-song rule on real rows of the shared catalogs: each kind it is meant to catch, and the quiet music it must keep.</summary>
public sealed class NonSongRuleTests
{
    private static readonly Lazy<IReadOnlyList<Track>> Spotify = new(() => CatalogFile.ReadDistinct(TestData.Catalog("spotify_songs_9961.csv")));
    private static readonly Lazy<IReadOnlyList<Track>> Labelled = new(() => CatalogFile.ReadDistinct(TestData.Catalog("mood_labelled_686.csv")));
    private static readonly Lazy<IReadOnlyList<Track>> TopHits = new(() => CatalogFile.ReadDistinct(TestData.Catalog("top_hits_genre_1821.csv")));

    private static Track Row(IReadOnlyList<Track> catalog, string title, string artist) =>
        catalog.Single(t => t.Title == title && t.Artist == artist);

    [Theory]
    [InlineData("Comforting and Hypnotic Grey Noise Background", "Noise Masters", "named as grey noise")]            // noise
    [InlineData("Gale Force Wind", "Nature Sounds", "named as nature sounds")]                                          // nature
    [InlineData("Heavy Rain - Nature Sounds (60 Minutes)", "Charles Vald", "named as nature sounds")]                   // rain
    [InlineData("Deep Sleep Support (Delta Isochronic Tones)", "Sleep Music Binaural Beats White Noise", "named as isochronic")] // tones
    [InlineData("Melatonin Production Increase (Delta Binaural Beats)", "Sleep Music Binaural Beats White Noise", "named as binaural")]
    [InlineData("Yoga", "Kundalini: Yoga, Meditation, Relaxation", "named as yoga, with no beat")]               // meditation
    [InlineData("Ian Anderson Interview", "Jethro Tull", "named as interview")]                                         // spoken word
    [InlineData("Behold New Roads - Live", "Brian Houston", "spoken word (speechiness ≥ 0.9)")]
    [InlineData("Oceansounds - 60 Minutes of Ocean Bliss", "Nelson May", "named as 60 minutes of, with no beat")]
    [InlineData("Pebble Beach", "Echoes Of Nature", "field recording (live, instrumental, no beat)")]                   // by audio alone
    public void Catches_real_non_songs_of_each_kind(string title, string artist, string reason) =>
        Assert.Equal(reason, NonSongRule.Reason(Row(Spotify.Value, title, artist)));

    [Theory]
    [InlineData("3 Gymnopédies: Gymnopedie No. 1", "Erik Satie")]            // a quiet piano piece
    [InlineData("Nuvole bianche", "Ludovico Einaudi")]
    [InlineData("Over The Rainbow", "Israel Kamakawiwo'ole")]                // an acoustic ballad
    [InlineData("Skinny Love", "Birdy")]
    [InlineData("Untitled #1 (Vaka)", "Sigur Rós")]                          // an ambient album by musicians
    [InlineData("Day One", "Hans Zimmer")]                                    // a near-silent film cue
    [InlineData("Have You Ever Seen The Rain", "Creedence Clearwater Revival")] // rain in the title
    [InlineData("Sleep Baby Sleep", "BROODS")]
    [InlineData("Reality (feat. Janieck Devy) - Radio Edit", "Lost Frequencies")]
    [InlineData("Daimonos", "Behemoth")]                                      // loud, beatless, instrumental metal
    [InlineData("I'm Not Racist", "Joyner Lucas")]                            // rap: speechy, still a song
    public void Keeps_quiet_songs_and_songs_with_misleading_words(string title, string artist) =>
        Assert.Null(NonSongRule.Reason(Row(Spotify.Value, title, artist)));

    [Fact]
    public void A_song_called_white_noise_is_still_a_song_and_the_rule_marks_few_rows()
    {
        Assert.True(NonSongRule.IsSong(Row(TopHits.Value, "White Noise", "Disclosure")));
        var share = Spotify.Value.Count(t => !NonSongRule.IsSong(t)) / (double)Spotify.Value.Count;
        Assert.InRange(share, 0.01, 0.025); // the hand count: about 2.1% of this catalog
        Assert.True(Labelled.Value.Count(t => !NonSongRule.IsSong(t)) <= 3);
    }

    [Fact]
    public void The_catalogs_is_song_column_overrides_the_rule_either_way()
    {
        var noise = Row(Spotify.Value, "Gale Force Wind", "Nature Sounds");
        var satie = Row(Spotify.Value, "3 Gymnopédies: Gymnopedie No. 1", "Erik Satie");

        Assert.Null(NonSongRule.Reason(noise with { SongOverride = true }));
        Assert.Equal("marked in the catalog", NonSongRule.Reason(satie with { SongOverride = false }));
    }

    [Fact]
    public void The_own_format_reads_is_song_and_refuses_a_bad_value()
    {
        var file = TestData.WriteTempFile("catalog.csv",
            "title,artist,is_song,valence,energy,danceability,acousticness,instrumentalness,speechiness,liveness,tempo,loudness\n" +
            "Rain Loop,Field Kit,false,0.5,0.5,0.5,0.5,0.5,0.1,0.1,100,-10\n" +
            "Ocean Sounds,Band,yes,0.5,0.5,0.5,0.5,0.5,0.1,0.1,100,-10\n" +
            "Odd,Band,maybe,0.5,0.5,0.5,0.5,0.5,0.1,0.1,100,-10\n");

        var read = CatalogFile.Read(file);

        Assert.Equal([false, true], read.Rows.Select(r => r.Track.SongOverride));
        Assert.Contains("is_song 'maybe' is not true/false", Assert.Single(read.Problems).Message);
    }
}
