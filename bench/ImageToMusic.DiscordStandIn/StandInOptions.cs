namespace ImageToMusic.DiscordStandIn;

/// <summary>What the stand-in Discord is configured with (its "Developer Portal" and its gateway/bot answer).</summary>
public sealed record StandInOptions
{
    public string BotToken { get; init; } = "stand-in-bot-token";
    public string ApplicationId { get; init; } = "1100000000000000001";
    public string BotUserId { get; init; } = "1100000000000000002";

    /// <summary>HELLO's heartbeat_interval in milliseconds (Discord's is about 41 250).</summary>
    public int HeartbeatIntervalMs { get; init; } = 41_250;

    /// <summary>The recommended shard count GET /gateway/bot gives.</summary>
    public int Shards { get; init; } = 1;

    /// <summary>An IDENTIFY with fewer shards than this is closed with 4011 (sharding required).</summary>
    public int RequiredShards { get; init; } = 1;

    public int SessionStartTotal { get; init; } = 1000;
    public int SessionStartRemaining { get; init; } = 1000;

    /// <summary>When the session start count resets to the total (from the start), in milliseconds.</summary>
    public int SessionStartResetAfterMs { get; init; } = 86_400_000;

    public int MaxConcurrency { get; init; } = 1;

    /// <summary>Privileged intents switched on in the "Developer Portal"; asking for others is closed with 4014.</summary>
    public int EnabledPrivilegedIntents { get; init; } = StandInIntents.MessageContent | StandInIntents.GuildMembers | StandInIntents.GuildPresences;

    /// <summary>How long the same nonce (with enforce_nonce) from the same author returns the earlier message.</summary>
    public TimeSpan NonceWindow { get; init; } = TimeSpan.FromMinutes(5);
}

public static class StandInIntents
{
    public const int GuildMembers = 1 << 1;
    public const int GuildPresences = 1 << 8;
    public const int MessageContent = 1 << 15;
    public const int Privileged = GuildMembers | GuildPresences | MessageContent;

    /// <summary>Every bit Discord defines (0–21 and 24–25); others are closed with 4013.</summary>
    public const int Known = (1 << 22) - 1 | 1 << 24 | 1 << 25;
}
