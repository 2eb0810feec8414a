using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Music.Matching;
using ImageToMusic.Engine.Music.Personalisation;
using ImageToMusic.Engine.Vision;

namespace ImageToMusic.Engine.Tests.Music;

/// <summary>Learning a community's taste from thumbs on hand-built catalogs whose track moods are set directly.</summary>
public class CommunityPreferencesTests
{
    private const int Happy = 0, Sad = 1, Calm = 3;
    // Cool, hard, man-made light: the evidence on its own favours electronic tracks.
    private static readonly MoodQuery CalmUrbanPhoto = new(7.5, 2.5,
        new VisualEvidence([new PaletteColour("#203040", "dark blue", 0.7), new PaletteColour("#c0c0c0", "light grey", 0.3)], 0.3, 0.3, -0.25, 0.36, 20, 0.45));

    private static Track Song(int n, double acousticness, string[]? genres = null) =>
        new($"t{n}", $"Song {n}", $"Artist {n}", new AudioFeatures(0.5, 0.5, 0.55, acousticness, 0.1, 0.05, 0.1, 120, -9, Mode: 1), Genres: genres);

    private static double[] Mood(int mood, double confidence = 0.97)
    {
        var p = Enumerable.Repeat((1 - confidence) / 3, 4).ToArray();
        p[mood] = confidence;
        return p;
    }

    /// <summary>Ten calm tracks, the even ones acoustic, the odd ones electronic.</summary>
    private static CatalogIndex CalmCatalog(out List<Track> tracks)
    {
        tracks = [.. Enumerable.Range(0, 10).Select(n => Song(n, n % 2 == 0 ? 0.9 : 0.05, n < 5 ? ["folk"] : ["techno"]))];
        return CatalogIndex.Build(tracks, [.. tracks.Select(_ => Mood(Calm))], "set by the test");
    }

    private static List<(Track, bool)> LovesAcoustic(IEnumerable<Track> tracks, int repeats) =>
        [.. Enumerable.Repeat(tracks, repeats).SelectMany(t => t).Select(t => (t, t.Features.Acousticness > 0.5))];

    [Fact]
    public void Learnt_preferences_move_the_ranking_towards_what_the_community_likes()
    {
        var index = CalmCatalog(out var tracks);
        var preferences = CommunityPreferences.Learn(LovesAcoustic(tracks, 4));

        var global = Matcher.Rank(index, CalmUrbanPhoto, new MatchOptions { Top = 5 });
        var personal = Matcher.Rank(index, CalmUrbanPhoto, new MatchOptions { Top = 5, Preferences = preferences });

        Assert.True(global.Count(s => s.Track.Features.Acousticness > 0.5) < 3);
        Assert.All(personal, s => Assert.True(s.Track.Features.Acousticness > 0.5, s.Track.Id));
        Assert.True(preferences.FeatureWeights[TasteFeatures.All.ToList().FindIndex(f => f.Name == "acousticness")] > 0);
    }

    [Fact]
    public void A_preferred_genre_is_learnt_and_applied()
    {
        var index = CalmCatalog(out var tracks);
        var preferences = CommunityPreferences.Learn([.. Enumerable.Repeat(tracks, 4).SelectMany(t => t).Select(t => (t, t.Genres[0] == "techno"))]);

        var personal = Matcher.Rank(index, CalmUrbanPhoto, new MatchOptions { Top = 5, Preferences = preferences });

        Assert.True(preferences.GenreWeights["techno"] > preferences.GenreWeights["folk"]);
        Assert.All(personal, s => Assert.Equal("techno", s.Track.Genres[0]));
    }

    [Fact]
    public void Without_votes_the_ranking_is_exactly_the_global_one()
    {
        var index = CalmCatalog(out _);
        var options = new MatchOptions { Top = 10 };

        var global = Matcher.Rank(index, CalmUrbanPhoto, options);
        var empty = Matcher.Rank(index, CalmUrbanPhoto, options with { Preferences = CommunityPreferences.Learn([]) });

        Assert.True(CommunityPreferences.Learn([]).IsEmpty);
        Assert.Equal(global.Select(s => (s.Track.Id, s.Score)), empty.Select(s => (s.Track.Id, s.Score)));
    }

    [Fact]
    public void A_few_votes_move_the_preferences_less_than_many_consistent_ones()
    {
        var index = CalmCatalog(out var tracks);
        var acoustic = TasteFeatures.All.ToList().FindIndex(f => f.Name == "acousticness");

        var few = CommunityPreferences.Learn(LovesAcoustic(tracks.Take(2), 1)).FeatureWeights[acoustic];
        var many = CommunityPreferences.Learn(LovesAcoustic(tracks, 10)).FeatureWeights[acoustic];

        Assert.InRange(few, 0, many / 2);
    }

    [Fact]
    public void The_preference_term_is_bounded_so_a_much_better_mood_fit_still_wins()
    {
        // One happy acoustic track among sad electronic ones, for a happy photo; the community hates acoustic.
        var tracks = new List<Track> { Song(0, 0.95) };
        tracks.AddRange(Enumerable.Range(1, 6).Select(n => Song(n, 0.02)));
        var index = CatalogIndex.Build(tracks, [Mood(Happy, 0.9), .. tracks.Skip(1).Select(_ => Mood(Sad))], "set by the test");
        var happyPhoto = CalmUrbanPhoto with { Valence = 7.5, Arousal = 7.5 };
        var hatesAcoustic = CommunityPreferences.Learn([.. Enumerable.Repeat(tracks, 50).SelectMany(t => t).Select(t => (t, t.Features.Acousticness < 0.5))]);

        var global = Matcher.Rank(index, happyPhoto, new MatchOptions { Top = 7 });
        var personal = Matcher.Rank(index, happyPhoto, new MatchOptions { Top = 7, Preferences = hatesAcoustic });

        Assert.Equal("t0", personal[0].Track.Id);
        var shift = personal.Select(p => p.Score - global.Single(g => g.Track.Id == p.Track.Id).Score);
        Assert.All(shift, s => Assert.InRange(Math.Abs(s), 0, CommunityPreferences.MaxShift + 1e-6));
        Assert.Contains(shift, s => Math.Abs(s) > CommunityPreferences.MaxShift / 2); // the bound is reached, not just respected
    }

    [Fact]
    public void Learning_is_deterministic_and_ignores_vote_order()
    {
        var index = CalmCatalog(out var tracks);
        var votes = LovesAcoustic(tracks, 3);
        votes[0] = (votes[0].Item1, !votes[0].Item2);

        var once = CommunityPreferences.Learn(votes);
        var again = CommunityPreferences.Learn(votes);
        var reversed = CommunityPreferences.Learn(Enumerable.Reverse(votes));

        Assert.Equal(once.FeatureWeights, again.FeatureWeights);
        Assert.Equal(once.GenreWeights, again.GenreWeights);
        Assert.Equal(once.FeatureWeights, reversed.FeatureWeights, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(Ids(index, once), Ids(index, reversed));
    }

    private static List<string> Ids(CatalogIndex index, CommunityPreferences preferences) =>
        [.. Matcher.Rank(index, CalmUrbanPhoto, new MatchOptions { Top = 10, Preferences = preferences }).Select(s => s.Track.Id)];
}
