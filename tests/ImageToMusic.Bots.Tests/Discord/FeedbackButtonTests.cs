using ImageToMusic.Bots.Discord;
using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Storage;

namespace ImageToMusic.Bots.Tests.Discord;

public sealed class FeedbackButtonTests
{
    [Fact]
    public void A_custom_id_names_the_recommendation_rank_and_vote_and_reads_back_within_Discords_limit()
    {
        var button = new FeedbackButton(RecordIds.NewRecommendationId(), 5, Vote.Down);

        Assert.True(button.CustomId.Length <= FeedbackButton.MaxCustomIdLength);
        Assert.Equal(button, FeedbackButton.Parse(button.CustomId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fb:rec-1:1:sideways")]
    [InlineData("fb:rec-1:one:up")]
    [InlineData("fb::1:up")]
    [InlineData("other:rec-1:1:up")]
    [InlineData("fb:rec-1:1:up:extra")]
    public void Anything_else_is_not_a_feedback_button(string? customId) => Assert.Null(FeedbackButton.Parse(customId));
}
