using ImageToMusic.Engine.Mood;

namespace ImageToMusic.Engine.Tests.Mood;

public class MoodScoresTests
{
    private static MoodEstimate Estimate(double valence, double arousal, string top) =>
        new(valence, arousal, Emotions.All.ToDictionary(e => e, e => e == top ? 0.9 : 0.1 / 6));

    [Fact]
    public void Metrics_match_hand_computed_values()
    {
        LabelledImage[] truth =
        [
            new("a", "a", 2, 3, "sadness"),
            new("b", "b", 8, 6, "joy"),
            new("c", "c", 5.5, 4, "fear"),   // within 1 of 5: not scored for sign
            new("d", "d", 3, 5, "anger"),
        ];
        MoodEstimate[] predicted =
        [
            Estimate(3, 3, "sadness"),
            Estimate(7, 5, "joy"),
            Estimate(4, 4, "joy"),
            Estimate(6, 7, "anger"),          // wrong side of 5
        ];

        var scores = MoodScores.Compute(truth, predicted);

        Assert.Equal(4, scores.Count);
        // valence: pred (3,7,4,6) vs truth (2,8,5.5,3): errors 1,1,1.5,3 → MAE 1.625
        Assert.Equal(1.625, scores.ValenceMae, 12);
        // arousal: errors 0,1,0,2 → 0.75
        Assert.Equal(0.75, scores.ArousalMae, 12);
        Assert.Equal(3, scores.ValenceSignCount);
        Assert.Equal(2.0 / 3, scores.ValenceSignAccuracy!.Value, 12);
        Assert.Equal(0.75, scores.EmotionTop1Accuracy!.Value, 12);
        // Pearson of (3,7,4,6) and (2,8,5.5,3): means 5 and 4.625; Σxy=(−2)(−2.625)+2(3.375)+(−1)(0.875)+1(−1.625)=9.5,
        // Σxx=10, Σyy=6.890625+11.390625+0.765625+2.640625=21.6875 → r = 9.5/√216.875
        Assert.Equal(9.5 / Math.Sqrt(216.875), scores.ValenceR, 12);
    }

    [Fact]
    public void Sets_without_keywords_or_far_valences_report_null_rather_than_zero()
    {
        LabelledImage[] truth = [new("a", "a", 5.2, 3), new("b", "b", 4.5, 6)];
        MoodEstimate[] predicted = [Estimate(5, 3, "joy"), Estimate(6, 5, "joy")];

        var scores = MoodScores.Compute(truth, predicted);

        Assert.Null(scores.EmotionTop1Accuracy);
        Assert.Null(scores.ValenceSignAccuracy);
        Assert.Equal(0, scores.ValenceSignCount);
    }

    [Fact]
    public void A_constant_prediction_has_zero_correlation_not_NaN()
    {
        Assert.Equal(0, MoodScores.Pearson([5, 5, 5], [1, 2, 3]));
    }

    [Fact]
    public void Empty_and_mismatched_inputs_are_refused()
    {
        Assert.Throws<ArgumentException>(() => MoodScores.Compute([], []));
        Assert.Throws<ArgumentException>(() => MoodScores.Compute([new("a", "a", 5, 5)], []));
    }
}
