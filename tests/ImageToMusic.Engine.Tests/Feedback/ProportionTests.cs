using ImageToMusic.Engine.Feedback;

namespace ImageToMusic.Engine.Tests.Feedback;

public class ProportionTests
{
    // Wilson: centre = (p + z²/2n) / (1 + z²/n), half width = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n), z = 1.959964, z² = 3.841459.
    //  7/10: 1 + z²/n = 1.384146; centre = (0.7 + 0.192073) / 1.384146 = 0.644493;
    //        half = 1.959964 · √(0.021 + 0.009604) / 1.384146 = 1.959964 · 0.174939 / 1.384146 = 0.247715 → [0.396778, 0.892209]
    //  3/5:  1 + z²/n = 1.768292; centre = (0.6 + 0.384146) / 1.768292 = 0.556552;
    //        half = 1.959964 · √(0.048 + 0.038415) / 1.768292 = 1.959964 · 0.293964 / 1.768292 = 0.325827 → [0.230724, 0.882379]
    //  1/1:  1 + z²   = 4.841459; centre = (1 + 1.920729) / 4.841459 = 0.603275;
    //        half = 1.959964 · √(0 + 0.960365) / 4.841459 = 0.396725 → [0.206549, 1]
    //  0/1:  the mirror image → [0, 0.793451]
    [Theory]
    [InlineData(7, 10, 0.396778, 0.892209)]
    [InlineData(3, 5, 0.230724, 0.882379)]
    [InlineData(1, 1, 0.206549, 1.0)]
    [InlineData(0, 1, 0.0, 0.793451)]
    public void Wilson_interval_matches_the_hand_computed_one(int successes, int n, double low, double high)
    {
        var interval = ConfidenceInterval.Wilson95(successes, n);

        Assert.Equal(low, interval.Low, 5);
        Assert.Equal(high, interval.High, 5);
    }

    [Fact]
    public void No_data_has_no_rate_and_no_interval()
    {
        Assert.Equal(new Proportion(0, 0, null, null), Proportion.Of(0, 0));
    }

    [Fact]
    public void A_share_carries_its_rate_and_interval()
    {
        var share = Proportion.Of(7, 10);

        Assert.Equal((7, 10, 0.7), (share.Successes, share.N, share.Rate!.Value));
        Assert.Equal(0.396778, share.Interval!.Low, 5);
    }
}
