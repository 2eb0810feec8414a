namespace ImageToMusic.Bots.Discord.Gateway;

/// <summary>Gateway intents (bit flags for IDENTIFY's <c>intents</c>). Privileged ones must be enabled in the Developer Portal.</summary>
public static class GatewayIntents
{
    public const int GuildMessages = 1 << 9;

    /// <summary>Privileged: without it, message content, attachments and embeds arrive empty (except in DMs and mentions).</summary>
    public const int MessageContent = 1 << 15;

    /// <summary>What the bot needs to see photos posted in servers' channels; it does not answer DMs by itself.</summary>
    public const int PhotoBot = GuildMessages | MessageContent;
}
