namespace ImageToMusic.Bots.Discord;

/// <summary>What the interactions endpoint answers Discord (an interaction response object).</summary>
public sealed record InteractionResponse(int Type, DiscordMessage? Data = null)
{
    public static InteractionResponse Pong { get; } = new(1);

    /// <summary>"Thinking…" now; the real message follows by editing the original response (within 15 minutes).</summary>
    public static InteractionResponse DeferredMessage { get; } = new(5);

    /// <summary>Edits the message the clicked button is on.</summary>
    public static InteractionResponse UpdateMessage(DiscordMessage message) => new(7, message);

    /// <summary>A reply everyone in the channel sees, pinging nobody.</summary>
    public static InteractionResponse Public(string text) => new(4, new DiscordMessage(Content: text, AllowedMentions: AllowedMentions.None));

    /// <summary>A reply only the person who acted sees (message flag 64, EPHEMERAL).</summary>
    public static InteractionResponse Private(string text) => new(4, new DiscordMessage(Content: text, Flags: 64));
}

/// <summary>A request the endpoint refuses: 401 for a bad signature, 400 for a payload it cannot use.</summary>
public sealed class DiscordRequestException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
