using ImageToMusic.Engine;
using ImageToMusic.Engine.Imaging;
using Microsoft.Extensions.Logging;

namespace ImageToMusic.Bots.Discord;

/// <summary>
/// `/soundtrack image:` and the "Find a soundtrack" message command: answered at once with a deferred response,
/// because analysis can outlast Discord's 3-second deadline; the soundtrack (or why there is none) then replaces it.
/// </summary>
public sealed class SoundtrackCommand(Recommender recommender, AttachmentDownload downloads, DiscordApi api, PendingWork work, ILogger<SoundtrackCommand> logger)
{
    public InteractionResponse Handle(Interaction interaction)
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

        var source = $"discord:{interaction.GuildId ?? "dm"}/{interaction.ChannelId}/{attachment.Id}";
        work.Start($"Discord soundtrack for {source}", () => ReplyAsync(applicationId, token, attachment, source, interaction.GuildId));
        return InteractionResponse.DeferredMessage;
    }

    /// <param name="guild">The server the photo was posted in: its members' thumbs shape the ranking (none in direct messages).</param>
    private async Task ReplyAsync(string applicationId, string token, Attachment attachment, string source, string? guild)
    {
        DiscordMessage message;
        try
        {
            var photo = await downloads.ReadAsync(attachment, CancellationToken.None);
            message = SoundtrackMessage.For(recommender.Recommend(photo, source, community: guild));
        }
        catch (Exception e) when (e is ImageRejectedException or AttachmentUnavailableException)
        {
            message = SoundtrackMessage.Failed(e.Message);
        }
        catch (Exception e)
        {
            // Our fault, not the photo's: logged in full, and the user is not left watching "thinking…".
            logger.LogError(e, "Making the soundtrack for {Source} failed", source);
            message = SoundtrackMessage.Failed("something went wrong on my side; please try again later.");
        }
        await api.EditOriginalResponseAsync(applicationId, token, message);
    }

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
