using ImageToMusic.Engine.Feedback;

namespace ImageToMusic.Engine.Tests.Feedback;

public class MoodConfusionTests
{
    [Fact]
    public void Counts_land_in_predicted_rows_and_chosen_columns_and_agreement_is_the_diagonal_share()
    {
        // Predicted Sad three times (chosen Sad, Sad, Calm), Happy twice (chosen Energetic, Happy), Calm once (chosen Calm).
        var confusion = MoodConfusion.Compute([("Sad", "Sad"), ("Sad", "sad"), ("Sad", "Calm"), ("Happy", "Energetic"), ("Happy", "Happy"), ("Calm", "Calm")]);

        Assert.Equal(["Happy", "Sad", "Energetic", "Calm"], confusion.Words);
        Assert.Equal([1, 0, 1, 0], confusion.Counts[0]);
        Assert.Equal([0, 2, 0, 1], confusion.Counts[1]);
        Assert.Equal([0, 0, 0, 0], confusion.Counts[2]);
        Assert.Equal([0, 0, 0, 1], confusion.Counts[3]);
        Assert.Equal(6, confusion.N);
        Assert.Equal(4, confusion.Agreement.Successes);
        Assert.Equal(4 / 6.0, confusion.Agreement.Rate!.Value, 12);
        // Wilson 95% for 4 of 6, by hand: centre (4/6 + z²/12)/(1 + z²/6), half-width z·√(p(1−p)/6 + z²/144)/(1 + z²/6).
        Assert.Equal(0.2999, confusion.Agreement.Interval!.Low, 3);
        Assert.Equal(0.9032, confusion.Agreement.Interval!.High, 3);
    }

    [Fact]
    public void No_answers_give_an_all_zero_matrix_and_no_agreement_figure()
    {
        var confusion = MoodConfusion.Compute([]);

        Assert.All(confusion.Counts, row => Assert.All(row, n => Assert.Equal(0, n)));
        Assert.Equal(0, confusion.N);
        Assert.Null(confusion.Agreement.Rate);
        Assert.Null(confusion.Agreement.Interval);
    }

    [Fact]
    public void A_single_disagreeing_answer_is_one_off_diagonal_count_and_zero_agreement_with_a_wide_interval()
    {
        var confusion = MoodConfusion.Compute([("Energetic", "Happy")]);

        Assert.Equal(1, confusion.Counts[2][0]);
        Assert.Equal(0.0, confusion.Agreement.Rate);
        Assert.Equal(0, confusion.Agreement.Interval!.Low);
        Assert.Equal(0.793451, confusion.Agreement.Interval.High, 5);
    }

    [Fact]
    public void A_word_that_is_not_a_mood_is_refused() =>
        Assert.Throws<ArgumentException>(() => MoodConfusion.Compute([("Sad", "Melancholy")]));
}
