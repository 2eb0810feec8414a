using ImageToMusic.Bots.FollowUps;

namespace ImageToMusic.Bots.Discord;

/// <summary>
/// `/soundtrack image:` and the "Find a soundtrack" message command: answered at once with a deferred response,
/// because analysis can outlast Discord's 3-second deadline. The soundtrack is owed as a follow-up on the queue;
/// <see cref="SoundtrackReplies"/> makes it and edits it (or why there is none) into the reply.
/// </summary>
public sealed class SoundtrackCommand(IFollowUpQueue followUps)
{
    public async Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellation)
    {
        var data = interaction.Data ?? throw new DiscordRequestException(400, "A command interaction without data.");
        if (interaction.ApplicationId is not { } applicationId || interaction.Token is not { } token)
            throw new DiscordRequestException(400, "A command interaction without application_id or token.");
        var attachment = data.Name switch
        {
            DiscordCommands.Soundtrack => OptionAttachment(data),
            DiscordCommands.FindASoundtrack => FirstImageOfTarget(data),
            var other => throw new DiscordRequestException(400, $"Unknown command '{other}'."),
        };
        if (attachment is null) return InteractionResponse.Private("That message has no image attached; use this on a message with a photo.");

        var source = SourceOf(interaction.GuildId, interaction.ChannelId, attachment);
        await followUps.EnqueueAsync(new BotFollowUp(Discord: new SoundtrackFollowUp(applicationId, token, attachment, source, interaction.GuildId)), cancellation);
        return InteractionResponse.DeferredMessage;
    }

    /// <summary>Where an analysis of a Discord photo came from, whichever way it was asked for; "dm" outside a server.</summary>
    public static string SourceOf(string? guild, string? channel, Attachment photo) => $"discord:{guild ?? "dm"}/{channel}/{photo.Id}";

    private static Attachment? OptionAttachment(InteractionData data)
    {
        var option = data.Options?.FirstOrDefault(o => o.Name == DiscordCommands.ImageOption)
                     ?? throw new DiscordRequestException(400, $"/{DiscordCommands.Soundtrack} without its '{DiscordCommands.ImageOption}' option.");
        var id = option.Value.ToString();
        return data.Resolved?.Attachments?.GetValueOrDefault(id)
               ?? throw new DiscordRequestException(400, $"Attachment {id} is not in resolved.attachments.");
    }

    private static Attachment? FirstImageOfTarget(InteractionData data)
    {
        var message = data.TargetId is { } id ? data.Resolved?.Messages?.GetValueOrDefault(id) : null;
        if (message is null) throw new DiscordRequestException(400, "The target message is not in resolved.messages.");
        return message.Attachments?.FirstOrDefault(a => a.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true);
    }
}
