using ImageToMusic.Engine.Feedback;

namespace ImageToMusic.Engine.Tests.Feedback;

public class FeedbackMetricsTests
{
    private static readonly DateTimeOffset June1 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static RatedVote Rated(string recommendation, string track, string user, Vote vote, string platform = "discord",
        string? community = "guild-1", string mood = "Happy", string model = "m1", DateTimeOffset? at = null) =>
        new(new FeedbackVote(recommendation, track, user, vote, platform, community, at ?? June1, at ?? June1), model, mood);

    /// <summary>
    /// Ten votes, seven up, on five suggestions:
    ///   rec-1 a: up, up, down → rated up (2 > 1)
    ///   rec-1 b: down         → not up
    ///   rec-1 c: up, down     → a tie, not up
    ///   rec-2 a: up           → rated up (same track, another recommendation: another suggestion)
    ///   rec-2 d: up, up, up   → rated up (on Teams, outside any community, on 3 June)
    /// so satisfaction 7/10 and precision@5 3/5.
    /// </summary>
    private static List<RatedVote> Sample()
    {
        var june3 = June1.AddDays(2);
        return
        [
            Rated("rec-1", "a", "u1", Vote.Up), Rated("rec-1", "a", "u2", Vote.Up), Rated("rec-1", "a", "u3", Vote.Down),
            Rated("rec-1", "b", "u1", Vote.Down),
            Rated("rec-1", "c", "u1", Vote.Up), Rated("rec-1", "c", "u2", Vote.Down),
            Rated("rec-2", "a", "u1", Vote.Up, mood: "Sad", model: "m2", at: June1.AddDays(1)),
            Rated("rec-2", "d", "u4", Vote.Up, "teams", null, "Sad", "m2", june3),
            Rated("rec-2", "d", "u5", Vote.Up, "teams", null, "Sad", "m2", june3),
            Rated("rec-2", "d", "u6", Vote.Up, "teams", null, "Sad", "m2", june3),
        ];
    }

    private static (int, int, int, int) Counts(FeedbackFigures f) =>
        (f.Satisfaction.Successes, f.Satisfaction.N, f.PrecisionAt5.Successes, f.PrecisionAt5.N);

    [Fact]
    public void Overall_figures_match_the_hand_count()
    {
        var report = FeedbackMetrics.Compute(Sample());

        Assert.Equal((7, 10, 3, 5), Counts(report.Overall));
        Assert.Equal(0.7, report.Overall.Satisfaction.Rate);
        Assert.Equal(0.6, report.Overall.PrecisionAt5.Rate);
        Assert.Equal(0.230724, report.Overall.PrecisionAt5.Interval!.Low, 5);
    }

    [Fact]
    public void Breakdowns_group_by_platform_community_mood_model_and_day_in_key_order()
    {
        var report = FeedbackMetrics.Compute(Sample());

        // discord: 7 votes, 4 up; suggestions rec-1 a, b, c and rec-2 a, of which rec-1 a and rec-2 a are up. teams: rec-2 d only.
        Assert.Equal([("discord", (4, 7, 2, 4)), ("teams", (3, 3, 1, 1))], report.ByPlatform.Select(g => (g.Key, Counts(g.Figures))));
        Assert.Equal([(FeedbackMetrics.NoCommunity, (3, 3, 1, 1)), ("guild-1", (4, 7, 2, 4))], report.ByCommunity.Select(g => (g.Key, Counts(g.Figures))));
        // rec-1 is Happy (6 votes, 3 up; a up, b and c not), rec-2 is Sad (4 of 4; a and d up).
        Assert.Equal([("Happy", (3, 6, 1, 3)), ("Sad", (4, 4, 2, 2))], report.ByMood.Select(g => (g.Key, Counts(g.Figures))));
        Assert.Equal([("m1", (3, 6, 1, 3)), ("m2", (4, 4, 2, 2))], report.ByModelVersion.Select(g => (g.Key, Counts(g.Figures))));
        Assert.Equal([("2025-06-01", (3, 6, 1, 3)), ("2025-06-02", (1, 1, 1, 1)), ("2025-06-03", (3, 3, 1, 1))],
            report.ByDay.Select(g => (g.Key, Counts(g.Figures))));
    }

    [Fact]
    public void No_votes_give_n_0_with_no_rates_and_empty_breakdowns()
    {
        var report = FeedbackMetrics.Compute([]);

        Assert.Equal(new FeedbackFigures(new Proportion(0, 0, null, null), new Proportion(0, 0, null, null)), report.Overall);
        Assert.Empty(report.ByPlatform);
        Assert.Empty(report.ByDay);
    }

    [Fact]
    public void A_single_down_vote_is_0_of_1_with_the_wide_interval_of_one_observation()
    {
        var report = FeedbackMetrics.Compute([Rated("rec-1", "a", "u1", Vote.Down)]);

        Assert.Equal((0, 1, 0, 1), Counts(report.Overall));
        Assert.Equal(0.0, report.Overall.Satisfaction.Rate);
        Assert.Equal(new ConfidenceInterval(0, report.Overall.Satisfaction.Interval!.High), report.Overall.Satisfaction.Interval);
        Assert.Equal(0.793451, report.Overall.PrecisionAt5.Interval!.High, 5);
    }

    [Fact]
    public void A_users_changed_vote_counts_once_as_the_latest()
    {
        var first = Rated("rec-1", "a", "u1", Vote.Down);
        var changed = Rated("rec-1", "a", "u1", Vote.Up, at: June1.AddHours(1));

        var report = FeedbackMetrics.Compute([changed, first]);

        Assert.Equal((1, 1, 1, 1), Counts(report.Overall));
        Assert.Equal("2025-06-01", Assert.Single(report.ByDay).Key);
    }
}
