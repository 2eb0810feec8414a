using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Music.Matching;
using ImageToMusic.Engine.Vision;

namespace ImageToMusic.Engine.Tests.Music;

/// <summary>
/// The ranking on small catalogs whose track moods are set by hand (mood probabilities given to the index directly),
/// so each test controls exactly what should win.
/// </summary>
public class MatcherTests
{
    private static readonly VisualEvidence Neutral = new([new PaletteColour("#808080", "grey", 1)], 0.41, 0.36, 0.10, 0.23, 39, 0.19);
    private static readonly VisualEvidence WarmSoftNatural = new([new PaletteColour("#557733", "green", 0.6), new PaletteColour("#aa7744", "brown", 0.4)], 0.55, 0.5, 0.35, 0.12, 50, 0.05);
    private static readonly VisualEvidence CoolHardUrban = new([new PaletteColour("#203040", "dark blue", 0.7), new PaletteColour("#c0c0c0", "light grey", 0.3)], 0.3, 0.3, -0.25, 0.36, 20, 0.45);

    private static AudioFeatures Sound(double acousticness = 0.5, double energy = 0.5, double tempo = 120, int? mode = 1) =>
        new(0.5, energy, 0.55, acousticness, 0.1, 0.05, 0.1, tempo, -9, Mode: mode);

    private static (Track Track, double[] Mood) T(string id, string artist, int mood, AudioFeatures? sound = null, double confidence = 0.97,
        string[]? genres = null, bool? isExplicit = null)
    {
        var p = Enumerable.Repeat((1 - confidence) / 3, 4).ToArray();
        p[mood] = confidence;
        return (new Track(id, $"Song {id}", artist, sound ?? Sound(), Genres: genres, Explicit: isExplicit), p);
    }

    private static CatalogIndex Index(params (Track Track, double[] Mood)[] entries) =>
        CatalogIndex.Build([.. entries.Select(e => e.Track)], [.. entries.Select(e => e.Mood)], "set by the test");

    private static List<string> Ids(IEnumerable<Suggestion> suggestions) => [.. suggestions.Select(s => s.Track.Id)];

    private const int Happy = 0, Sad = 1, Energetic = 2, Calm = 3;

    [Theory]
    [InlineData(7.5, 7.5, "happy")]
    [InlineData(2.5, 2.5, "sad")]
    [InlineData(2.5, 7.5, "energetic")]
    [InlineData(7.5, 2.5, "calm")]
    public void The_photo_mood_quadrant_decides_which_tracks_come_first(double valence, double arousal, string expected)
    {
        var index = Index(
            T("happy", "A", Happy), T("sad", "B", Sad), T("energetic", "C", Energetic), T("calm", "D", Calm));

        var top = Matcher.Rank(index, new MoodQuery(valence, arousal, Neutral), new MatchOptions { Top = 1 });

        Assert.Equal([expected], Ids(top));
    }

    [Fact]
    public void An_uncertain_photo_prefers_tracks_that_fit_both_likely_moods()
    {
        // Valence 5 is a coin toss between Calm and Sad when arousal is clearly low.
        var hedging = new double[] { 0.02, 0.48, 0.02, 0.48 };
        var calmOrEnergetic = new double[] { 0, 0, 0.1, 0.9 };
        var index = CatalogIndex.Build(
            [new Track("sure", "Song sure", "A", Sound()), new Track("hedge", "Song hedge", "B", Sound())],
            [calmOrEnergetic, hedging], "set by the test");

        var top = Matcher.Rank(index, new MoodQuery(5.0, 2.0, Neutral), new MatchOptions { Top = 1 });

        Assert.Equal(["hedge"], Ids(top));
    }

    [Fact]
    public void Evidence_chooses_among_tracks_that_fit_the_mood_equally()
    {
        var index = Index(
            T("electronic", "A", Calm, Sound(acousticness: 0.02, energy: 0.3, tempo: 100)),
            T("acoustic", "B", Calm, Sound(acousticness: 0.95, energy: 0.3, tempo: 100)));

        var warm = Matcher.Rank(index, new MoodQuery(7, 3, WarmSoftNatural));
        var cool = Matcher.Rank(index, new MoodQuery(7, 3, CoolHardUrban));

        Assert.Equal(["acoustic", "electronic"], Ids(warm));
        Assert.Equal(["electronic", "acoustic"], Ids(cool));
        Assert.Contains("acoustic", warm[0].Reason);
        Assert.Contains("electronic", cool[0].Reason);
    }

    [Fact]
    public void Evidence_never_outweighs_a_clearly_better_mood_fit()
    {
        var index = Index(
            T("right-mood", "A", Calm, Sound(acousticness: 0.02)),
            T("wrong-mood-perfect-sound", "B", Energetic, Sound(acousticness: 0.99, energy: 0.1, tempo: 70)));

        var top = Matcher.Rank(index, new MoodQuery(7.5, 2.5, WarmSoftNatural), new MatchOptions { Top = 1 });

        Assert.Equal(["right-mood"], Ids(top));
    }

    [Fact]
    public void No_artist_and_no_song_appears_twice()
    {
        var index = Index(
            T("a1", "Same Artist", Calm, confidence: 0.99), T("a2", "same artist!", Calm, confidence: 0.98),
            T("b1", "Other", Calm, confidence: 0.97),
            (new Track("b1-again", "Song b1", "Other Band", Sound()), [0.01, 0.01, 0.01, 0.97]),
            T("c1", "Third", Calm, confidence: 0.5));
        // b1-again has b1's title but another artist: a different song, so it may appear.

        var top = Matcher.Rank(index, new MoodQuery(7.5, 2.5, Neutral), new MatchOptions { Top = 5 });

        Assert.Equal(["a1", "b1", "b1-again", "c1"], Ids(top));
        Assert.Equal([1, 2, 3, 4], top.Select(s => s.Rank));
    }

    [Fact]
    public void The_same_song_listed_twice_is_suggested_once()
    {
        var index = CatalogIndex.Build(
            [new Track("x", "Halo", "Beyoncé", Sound()), new Track("y", "halo!", "beyonce", Sound()), new Track("z", "Other", "Someone", Sound())],
            [[0, 0, 0, 1.0], [0, 0, 0, 1.0], [0, 0, 0, 0.9]], "set by the test");

        Assert.Equal(["x", "z"], Ids(Matcher.Rank(index, new MoodQuery(7.5, 2.5, Neutral))));
    }

    [Fact]
    public void Filters_leave_out_genres_explicit_tracks_and_tempos()
    {
        var index = Index(
            T("rock-fast", "A", Calm, Sound(tempo: 160), genres: ["rock"]),
            T("pop-explicit", "B", Calm, Sound(tempo: 100), genres: ["pop", "rock"], isExplicit: true),
            T("pop-clean", "C", Calm, Sound(tempo: 90), genres: ["pop"], isExplicit: false),
            T("unknown", "D", Calm, Sound(tempo: 95)));
        var query = new MoodQuery(7.5, 2.5, Neutral);

        Assert.Equal(["pop-explicit", "rock-fast"], Ids(Matcher.Rank(index, query, new MatchOptions { Genre = "Rock" })).Order());
        Assert.DoesNotContain("pop-explicit", Ids(Matcher.Rank(index, query, new MatchOptions { ExcludeExplicit = true })));
        Assert.Contains("unknown", Ids(Matcher.Rank(index, query, new MatchOptions { ExcludeExplicit = true })));
        Assert.Equal(["pop-clean", "unknown"], Ids(Matcher.Rank(index, query, new MatchOptions { MinTempo = 85, MaxTempo = 96 })).Order());
        Assert.Empty(Matcher.Rank(index, query, new MatchOptions { Genre = "polka" }));
    }

    [Theory]
    [InlineData(0, null, null)]
    [InlineData(101, null, null)]
    [InlineData(5, 120.0, 100.0)]
    [InlineData(5, -1.0, null)]
    public void Impossible_options_are_refused(int top, double? minTempo, double? maxTempo)
    {
        var index = Index(T("a", "A", Calm));
        Assert.Throws<ArgumentException>(() => Matcher.Rank(index, new MoodQuery(5, 5, Neutral), new MatchOptions { Top = top, MinTempo = minTempo, MaxTempo = maxTempo }));
    }

    [Fact]
    public void Agrees_with_a_full_sort_on_a_large_catalog_with_many_ties_and_shared_artists()
    {
        var random = new Random(11);
        var tracks = new List<Track>();
        var moods = new List<double[]>();
        for (var i = 0; i < 20_000; i++)
        {
            var p = new double[4];
            p[random.Next(4)] = random.Next(3) switch { 0 => 0.9, 1 => 0.7, _ => 0.5 }; // coarse values: many exact ties
            var rest = (1 - p.Max()) / 3;
            for (var k = 0; k < 4; k++) if (p[k] == 0) p[k] = rest;
            tracks.Add(new Track($"t{i:D5}", $"Song {i}", $"Artist {random.Next(40)}", Sound(random.Next(3) / 2.0, random.Next(3) / 2.0, 90 + 30 * random.Next(3))));
            moods.Add(p);
        }
        var index = CatalogIndex.Build(tracks, moods, "set by the test");
        foreach (var query in new[] { new MoodQuery(7, 3, WarmSoftNatural), new MoodQuery(3, 7, CoolHardUrban), new MoodQuery(5, 5, Neutral) })
        {
            var expected = FullSort(index, query, 10);
            Assert.Equal(expected, Ids(Matcher.Rank(index, query, new MatchOptions { Top = 10 })));
            Assert.Equal(expected, Ids(Matcher.Rank(index, query, new MatchOptions { Top = 10 })));
        }
    }

    /// <summary>The obvious, slow way: score everything, sort by score then catalog order, skip repeated artists.</summary>
    private static List<string> FullSort(CatalogIndex index, MoodQuery query, int top)
    {
        var scores = new float[index.Count];
        Matcher.Score(index, Matcher.QueryWeights(index, query), scores);
        var artists = new HashSet<string>();
        return [.. Enumerable.Range(0, index.Count)
            .OrderByDescending(i => scores[i]).ThenBy(i => i)
            .Where(i => artists.Add(TrackIdentity.Normalise(index.Tracks[i].Artist)))
            .Take(top)
            .Select(i => index.Tracks[i].Id)];
    }

    [Fact]
    public void Reasons_name_the_image_evidence_and_the_musical_property()
    {
        var index = Index(T("calm", "A", Calm, Sound(acousticness: 0.9, energy: 0.15, tempo: 75, mode: 0)));
        var dark = Neutral with { Brightness = 0.15, Warmth = -0.2, Contrast = 0.12, EdgeDensity = 0.03 };

        var reason = Matcher.Rank(index, new MoodQuery(4.2, 2.5, dark))[0].Reason;

        Assert.Matches(@"^[a-z ,\-]+ → [a-z ,\-]+; \d+ BPM, energy \d+%, (major|minor); calm$", reason);
        Assert.Contains("calm mood", reason);
        Assert.Contains("quiet", reason);
        Assert.Contains("75 BPM, energy 15%, minor", reason); // the track's own measurements tell it from others chosen alike
    }

    /// <summary>Tracks placed along the diagonal of the mood plane, from sad and still (0) to happy and lively (6).</summary>
    private static CatalogIndex Diagonal() => CatalogIndex.Build(
        [.. Enumerable.Range(0, 7).Select(k => new Track($"d{k}", $"Song d{k}", $"Artist {k}", Sound()))],
        [.. Enumerable.Range(0, 7).Select(k =>
        {
            var happy = k / 6.0; // 0 … 1: the track's position moves from Sad (2, 2) to Happy (8, 8)
            return new[] { happy, 1 - happy, 0, 0 };
        })], "set by the test");

    [Fact]
    public void A_neutral_photo_gets_music_from_the_middle_and_an_extreme_photo_the_most_extreme_music()
    {
        var index = Diagonal();

        Assert.Equal(["d3"], Ids(Matcher.Rank(index, new MoodQuery(5, 5, Neutral), new MatchOptions { Top = 1 })));
        Assert.Equal(["d6"], Ids(Matcher.Rank(index, new MoodQuery(8.5, 8.5, Neutral), new MatchOptions { Top = 1 })));
        Assert.Equal(["d0"], Ids(Matcher.Rank(index, new MoodQuery(1.5, 1.5, Neutral), new MatchOptions { Top = 1 })));
        // A slightly pleasant, slightly lively photo lands a little above the middle, not at the happy end.
        Assert.Equal(["d4"], Ids(Matcher.Rank(index, new MoodQuery(5.3, 5.1, Neutral), new MatchOptions { Top = 1 })));
    }

    [Fact]
    public void Shown_fits_fall_with_distance_and_tell_the_five_apart()
    {
        double[] happiness = [0, 0.1, 0.3, 0.5, 0.62, 0.8, 1]; // places on the diagonal: 2, 2.6, 3.8, 5, 5.72, 6.8, 8
        var index = CatalogIndex.Build(
            [.. happiness.Select((_, k) => new Track($"d{k}", $"Song d{k}", $"Artist {k}", Sound()))],
            [.. happiness.Select(h => new[] { h, 1 - h, 0, 0 })], "set by the test");

        var list = Matcher.Rank(index, new MoodQuery(5, 5, Neutral));

        Assert.Equal(["d3", "d4", "d2", "d5", "d1"], Ids(list));
        Assert.Equal(1.0, list[0].MoodFit, 3); // d3 sits where the photo is placed
        for (var k = 1; k < list.Count; k++)
            Assert.True(list[k].Fit < list[k - 1].Fit && list[k].Fit > 0, string.Join(", ", list.Select(s => $"{s.Track.Id} {s.Fit:P1}")));
    }

    [Fact]
    public void Non_songs_are_left_out_unless_asked_for()
    {
        var noise = new Track("noise", "Pink Noise for Sleep", "Noise Lab", Sound() with { Instrumentalness = 0.95, Danceability = 0.1 });
        var song = new Track("song", "A Song", "A Band", Sound());
        var index = CatalogIndex.Build([noise, song], [[0, 0, 0, 1], [0.5, 0, 0, 0.5]], "set by the test");
        var calm = new MoodQuery(7.5, 2.5, Neutral);

        Assert.Equal(["song"], Ids(Matcher.Rank(index, calm)));
        Assert.Equal(["noise", "song"], Ids(Matcher.Rank(index, calm, new MatchOptions { IncludeNonSongs = true })));
        Assert.Contains("include-non-songs", new MatchOptions { IncludeNonSongs = true }.Describe());
    }
}
