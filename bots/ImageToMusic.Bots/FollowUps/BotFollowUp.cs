using System.Text.Json;
using ImageToMusic.Bots.Discord;
using ImageToMusic.Bots.Teams;

namespace ImageToMusic.Bots.FollowUps;

/// <summary>
/// Work a bot owes after answering at once: a soundtrack for a Discord interaction, a reply to photos posted in a
/// Discord channel with auto-replies on (the gateway saw them), or the card for a photo posted to the Teams bot (the
/// activity it replies to). Exactly one is set. What travels on the follow-up queue.
/// </summary>
public sealed record BotFollowUp(SoundtrackFollowUp? Discord = null, Activity? Teams = null, PhotoPost? DiscordPost = null)
{
    public string ToJson() => JsonSerializer.Serialize(this, BotJson.Options);

    /// <summary>The follow-up a queue message carries, or null when it carries none (retrying it cannot help).</summary>
    public static BotFollowUp? FromJson(string message)
    {
        try
        {
            return JsonSerializer.Deserialize<BotFollowUp>(message, BotJson.Options) switch
            {
                { Discord: { ApplicationId.Length: > 0, Token.Length: > 0, Attachment: not null, Source.Length: > 0 }, Teams: null, DiscordPost: null } discord => discord,
                { Discord: null, Teams: { ServiceUrl.Length: > 0, Conversation.Id.Length: > 0, From.Id.Length: > 0 }, DiscordPost: null } teams => teams,
                { Discord: null, Teams: null, DiscordPost: { Guild.Length: > 0, Channel.Length: > 0, MessageId.Length: > 0, Photos.Count: > 0 } } post => post,
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
