namespace ImageToMusic.Bots.Discord.Gateway;

/// <summary>
/// Discord refused the bot in a way reconnecting cannot fix (a fatal close code, or HTTP 401 from GET /gateway/bot).
/// <see cref="Code"/> is the close code (4004, 4010–4014) or the HTTP status (401); the message names what to fix.
/// </summary>
public sealed class GatewayFatalException(int code, string? reason = null) : Exception(Describe(code, reason))
{
    public int Code { get; } = code;

    private static string Describe(int code, string? reason)
    {
        var fix = code switch
        {
            401 => $"Discord rejected the bot token (HTTP 401 from GET /gateway/bot): set {DiscordSettings.BotToken} to the bot's token from the Developer Portal (Bot → Reset Token).",
            GatewayCloseCodes.AuthenticationFailed => $"Gateway close 4004 (authentication failed): the bot token is wrong; set {DiscordSettings.BotToken} to the bot's token from the Developer Portal (Bot → Reset Token).",
            GatewayCloseCodes.InvalidShard => "Gateway close 4010 (invalid shard): the shard id/count sent in IDENTIFY is invalid; leave the shard count to Discord's recommendation or fix it.",
            GatewayCloseCodes.ShardingRequired => "Gateway close 4011 (sharding required): the bot is in too many guilds for this shard count; run more shards (use the recommended count from GET /gateway/bot).",
            GatewayCloseCodes.InvalidApiVersion => "Gateway close 4012 (invalid API version): the client asked for a Gateway version Discord no longer serves; update the client (it speaks v10).",
            GatewayCloseCodes.InvalidIntents => "Gateway close 4013 (invalid intents): the intents value is not a valid bit set; check the Gateway intents the bot is configured with.",
            GatewayCloseCodes.DisallowedIntents => "Gateway close 4014 (disallowed intents): the bot asked for a privileged intent that is not enabled; enable the Message Content intent (Developer Portal → your application → Bot → Privileged Gateway Intents).",
            _ => $"Gateway closed with {code}, which cannot be recovered by reconnecting.",
        };
        return string.IsNullOrWhiteSpace(reason) ? fix : $"{fix} (Discord said: {reason})";
    }
}
