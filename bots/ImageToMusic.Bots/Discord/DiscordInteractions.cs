using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ImageToMusic.Bots.Discord;

/// <summary>
/// One request to the interactions endpoint, start to answer: the signature is checked on the raw bytes before
/// anything is parsed, then PING is answered, /soundtrack-channel goes to <see cref="ChannelSwitchCommand"/>, the
/// other commands to <see cref="SoundtrackCommand"/>, and button clicks to <see cref="FeedbackClick"/>.
/// </summary>
public sealed class DiscordInteractions(DiscordSignature signature, SoundtrackCommand soundtrack, ChannelSwitchCommand channelSwitch, FeedbackClick feedback,
    ILogger<DiscordInteractions> logger)
{
    /// <exception cref="DiscordRequestException">401 for a missing, bad or stale signature; 400 for a payload that cannot be used.</exception>
    public async Task<InteractionResponse> HandleAsync(string? signatureHex, string? timestamp, byte[] body, CancellationToken cancellation)
    {
        if (signature.Problem(signatureHex, timestamp, body) is { } problem)
        {
            logger.LogWarning("Refused a Discord interaction: {Problem}", problem);
            throw new DiscordRequestException(401, "Invalid request signature.");
        }
        Interaction interaction;
        try
        {
            interaction = JsonSerializer.Deserialize<Interaction>(body, DiscordJson.Options) ?? throw new JsonException("The body is JSON null.");
        }
        catch (JsonException e)
        {
            throw new DiscordRequestException(400, $"The body is not an interaction: {e.Message}");
        }
        return interaction.Type switch
        {
            InteractionType.Ping => InteractionResponse.Pong,
            InteractionType.ApplicationCommand when interaction.Data?.Name == DiscordCommands.SoundtrackChannel => await channelSwitch.HandleAsync(interaction, cancellation),
            InteractionType.ApplicationCommand => await soundtrack.HandleAsync(interaction, cancellation),
            InteractionType.MessageComponent => await feedback.HandleAsync(interaction, cancellation),
            var other => throw new DiscordRequestException(400, $"Interaction type {(int)other} is not handled by this bot."),
        };
    }
}
