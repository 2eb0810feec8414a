namespace ImageToMusic.Bots.Discord;

/// <summary>The settings the Discord bot reads (the function app lists them with its own in AppSettings).</summary>
public static class DiscordSettings
{
    /// <summary>The application's Ed25519 public key (hex, from the Developer Portal); not a secret. Unset: the endpoint answers 503.</summary>
    public const string PublicKey = "DISCORD_PUBLIC_KEY";

    /// <summary>Where Discord's HTTP API is; only changed locally and in tests (a fake Discord).</summary>
    public const string ApiBase = "DISCORD_API_BASE";

    /// <summary>The application (client) id; registering commands needs it.</summary>
    public const string ApplicationId = "DISCORD_APPLICATION_ID";

    /// <summary>
    /// The bot token, a secret: registering commands, the Gateway connection and posting auto-replies need it (webhook
    /// edits are authorised by the interaction token).
    /// </summary>
    public const string BotToken = "DISCORD_BOT_TOKEN";

    /// <summary>At most this many auto-replies per channel a minute (default 10); photos beyond it are skipped and counted.</summary>
    public const string ChannelRepliesPerMinute = "DISCORD_CHANNEL_REPLIES_PER_MINUTE";

    public const string DefaultApiBase = "https://discord.com/api/v10";
}
