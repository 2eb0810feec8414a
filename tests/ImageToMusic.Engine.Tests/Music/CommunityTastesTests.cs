using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Music.Matching;
using ImageToMusic.Engine.Music.Personalisation;
using ImageToMusic.Storage.Sqlite;
using ImageToMusic.Engine.Vision;

namespace ImageToMusic.Engine.Tests.Music;

/// <summary>Communities' tastes learnt from the votes in a real (SQLite) store, kept fresh as votes arrive.</summary>
public class CommunityTastesTests
{
    private const int Calm = 3;
    private static readonly MoodQuery CalmUrbanPhoto = new(7.5, 2.5,
        new VisualEvidence([new PaletteColour("#203040", "dark blue", 0.7), new PaletteColour("#c0c0c0", "light grey", 0.3)], 0.3, 0.3, -0.25, 0.36, 20, 0.45));
    private static readonly DateTimeOffset Noon = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = Noon;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>Ten calm tracks, the even ones acoustic, the odd ones electronic (the photo's evidence favours electronic).</summary>
    private static CatalogIndex CalmCatalog()
    {
        var tracks = Enumerable.Range(0, 10).Select(n => new Track($"t{n}", $"Song {n}", $"Artist {n}",
            new AudioFeatures(0.5, 0.5, 0.55, n % 2 == 0 ? 0.9 : 0.05, 0.1, 0.05, 0.1, 120, -9, Mode: 1))).ToList();
        return CatalogIndex.Build(tracks, [.. tracks.Select(_ => new[] { 0.01, 0.01, 0.01, 0.97 })], "set by the test");
    }

    private static (RelearningFeedbackStore Feedback, SqliteFeedbackStore Stored, CommunityTastes Tastes, CatalogIndex Index, ManualClock Clock) Setup()
    {
        var index = CalmCatalog();
        var stored = new SqliteFeedbackStore(SqliteDatabase.Open(Path.Combine(TestData.NewTempFolder(), "store.db")));
        var clock = new ManualClock();
        var tastes = new CommunityTastes(stored, index, clock);
        return (new RelearningFeedbackStore(stored, tastes), stored, tastes, index, clock);
    }

    /// <summary>Each of the ten tracks voted on by <paramref name="voters"/> people: up when acoustic, down when not.</summary>
    private static async Task LoveAcousticAsync(IFeedbackStore feedback, CatalogIndex index, string community, int voters, string recommendation = "rec-1")
    {
        for (var user = 0; user < voters; user++)
            foreach (var track in index.Tracks)
                await feedback.RecordAsync(new FeedbackVote(recommendation, track.Id, $"u-{community}-{user}", track.Features.Acousticness > 0.5 ? Vote.Up : Vote.Down,
                    "discord", community, Noon, Noon));
    }

    private static List<string> Top5(CatalogIndex index, CommunityPreferences preferences) =>
        [.. Matcher.Rank(index, CalmUrbanPhoto, new MatchOptions { Preferences = preferences }).Select(s => s.Track.Id)];

    [Fact]
    public async Task A_community_that_voted_gets_its_taste_while_others_and_no_community_keep_the_global_ranking()
    {
        var (feedback, _, tastes, index, _) = Setup();
        await LoveAcousticAsync(feedback, index, "guild-a", voters: 4);

        var global = Top5(index, CommunityPreferences.Empty);
        var mine = Top5(index, await tastes.ForAsync("guild-a"));

        Assert.True(global.Count(id => int.Parse(id[1..]) % 2 == 0) < 3, string.Join(",", global));
        Assert.All(mine, id => Assert.True(int.Parse(id[1..]) % 2 == 0, $"{id} is not acoustic"));
        Assert.Equal(40, (await tastes.ForAsync("guild-a")).Votes);
        Assert.Equal(global, Top5(index, await tastes.ForAsync("guild-b")));
        Assert.Same(CommunityPreferences.Empty, await tastes.ForAsync(null));
        Assert.Same(CommunityPreferences.Empty, await tastes.ForAsync("  "));
    }

    [Fact]
    public async Task Two_votes_move_scores_far_less_than_forty_consistent_ones()
    {
        var (feedback, _, tastes, index, _) = Setup();
        await feedback.RecordAsync(new FeedbackVote("rec-1", "t0", "u-1", Vote.Up, "teams", "team-x", Noon, Noon));
        await feedback.RecordAsync(new FeedbackVote("rec-1", "t1", "u-1", Vote.Down, "teams", "team-x", Noon, Noon));
        await LoveAcousticAsync(feedback, index, "guild-a", voters: 4);

        var (few, many) = (Reach(await tastes.ForAsync("team-x")), Reach(await tastes.ForAsync("guild-a")));

        Assert.InRange(few, 1e-6, many / 4);
        Assert.InRange(many, CommunityPreferences.MaxShift / 2, CommunityPreferences.MaxShift);
    }

    /// <summary>The most the preferences add to or take from any track's score.</summary>
    private static double Reach(CommunityPreferences p) => p.FeatureWeights.Sum(Math.Abs) + p.GenreWeights.Values.Select(Math.Abs).DefaultIfEmpty().Max();

    [Fact]
    public async Task A_vote_through_this_process_relearns_at_once_and_one_from_another_instance_once_the_entry_is_stale()
    {
        var (feedback, stored, tastes, index, clock) = Setup();
        Assert.True((await tastes.ForAsync("guild-a")).IsEmpty);

        await LoveAcousticAsync(feedback, index, "guild-a", voters: 4);
        Assert.Equal(40, (await tastes.ForAsync("guild-a")).Votes);

        await LoveAcousticAsync(stored, index, "guild-a", voters: 1, recommendation: "rec-2"); // written by another instance: not seen yet
        Assert.Equal(40, (await tastes.ForAsync("guild-a")).Votes);
        clock.Now += CommunityTastes.FreshFor;
        Assert.Equal(50, (await tastes.ForAsync("guild-a")).Votes);

        await feedback.EraseCommunityAsync("guild-a");
        Assert.True((await tastes.ForAsync("guild-a")).IsEmpty);
    }

    [Fact]
    public async Task Votes_on_tracks_the_catalog_no_longer_has_are_left_out()
    {
        var (feedback, _, tastes, index, _) = Setup();
        await LoveAcousticAsync(feedback, index, "guild-a", voters: 2);
        await feedback.RecordAsync(new FeedbackVote("rec-1", "gone-from-catalog", "u-1", Vote.Up, "discord", "guild-a", Noon, Noon));

        Assert.Equal(20, (await tastes.ForAsync("guild-a")).Votes);
    }
}
