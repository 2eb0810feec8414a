using ImageToMusic.Engine.Feedback;

namespace ImageToMusic.Bots.Discord;

/// <summary>
/// A 👍/👎 click: the vote is stored under the clicker's salted hash (one per person and track; clicking the
/// other thumb replaces it) and the buttons are redrawn with the new counts in the same response.
/// </summary>
public sealed class FeedbackClick(FeedbackService feedback)
{
    public const string Platform = "discord";

    public async Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellation)
    {
        var button = FeedbackButton.Parse(interaction.Data?.CustomId)
                     ?? throw new DiscordRequestException(400, $"Unknown button '{interaction.Data?.CustomId}'.");
        var user = interaction.UserId ?? throw new DiscordRequestException(400, "A click without member.user or user.");
        var recommendation = await feedback.FindRecommendationAsync(button.RecommendationId, cancellation: cancellation);
        var track = recommendation?.Tracks.FirstOrDefault(t => t.Rank == button.Rank);
        if (recommendation is null || track is null) return InteractionResponse.Private("I no longer know that soundtrack, so the vote was not stored.");

        await feedback.RecordAsync(recommendation, track.TrackId, button.Vote, Platform, user, interaction.GuildId, cancellation);
        var buttons = SoundtrackMessage.Buttons(recommendation.Id, [.. recommendation.Tracks.Select(t => new RankedTrack(t.Rank, t.TrackId))],
            await feedback.VotesOnAsync(recommendation.Id, cancellation));
        return InteractionResponse.UpdateMessage(new DiscordMessage(Components: buttons));
    }
}
