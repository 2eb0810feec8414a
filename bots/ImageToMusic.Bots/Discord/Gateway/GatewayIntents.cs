namespace ImageToMusic.Bots.Discord.Gateway;

/// <summary>Gateway intents (bit flags for IDENTIFY's <c>intents</c>). Privileged ones must be enabled in the Developer Portal.</summary>
public static class GatewayIntents
{
    public const int Guilds = 1 << 0;
    /// <summary>Privileged.</summary>
    public const int GuildMembers = 1 << 1;
    public const int GuildMessageReactions = 1 << 10;
    public const int GuildMessages = 1 << 9;
    /// <summary>Privileged.</summary>
    public const int GuildPresences = 1 << 8;
    public const int DirectMessages = 1 << 12;
    public const int DirectMessageReactions = 1 << 13;
    /// <summary>Privileged: without it, message content, attachments and embeds arrive empty (except in DMs and mentions).</summary>
    public const int MessageContent = 1 << 15;

    /// <summary>What the bot needs to see photos posted in servers and DMs.</summary>
    public const int PhotoBot = Guilds | GuildMessages | DirectMessages | MessageContent;
}
