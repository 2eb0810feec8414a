using System.Text.Json;

namespace ImageToMusic.Bots.Discord;

/// <summary>
/// A soundtrack still owed to a Discord interaction: what travels on the follow-up queue from the interaction,
/// answered at once, to the work that makes the soundtrack and edits it into the reply. The interaction token in
/// it is valid for 15 minutes, which bounds how long the work may be retried.
/// </summary>
/// <param name="Guild">The server the photo was posted in: its members' thumbs shape the ranking (none in direct messages).</param>
public sealed record SoundtrackFollowUp(string ApplicationId, string Token, Attachment Attachment, string Source, string? Guild)
{
    public string ToJson() => JsonSerializer.Serialize(this, DiscordJson.Options);

    /// <summary>The follow-up a queue message carries, or null when it carries none.</summary>
    public static SoundtrackFollowUp? FromJson(string message)
    {
        try
        {
            return JsonSerializer.Deserialize<SoundtrackFollowUp>(message, DiscordJson.Options) is { ApplicationId.Length: > 0, Token.Length: > 0, Attachment: not null, Source.Length: > 0 } followUp
                ? followUp
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
