namespace ImageToMusic.Bots.Discord.Gateway;

/// <summary>The payloads the client sends (Gateway JSON v10).</summary>
internal static class GatewayPayloads
{
    public const int Dispatch = 0, Heartbeat = 1, Identify = 2, Resume = 6, Reconnect = 7, InvalidSession = 9, Hello = 10, HeartbeatAck = 11;

    public static object HeartbeatWith(long? sequence) => new { op = Heartbeat, d = sequence };

    public static object IdentifyWith(GatewayOptions options, int shard, int shardCount) => new
    {
        op = Identify,
        d = new
        {
            token = options.BotToken,
            intents = options.Intents,
            shard = new[] { shard, shardCount },
            properties = new { os = OperatingSystemName, browser = "imagetomusic", device = "imagetomusic" },
        },
    };

    public static object ResumeWith(GatewayOptions options, string sessionId, long? sequence) => new
    {
        op = Resume,
        d = new { token = options.BotToken, session_id = sessionId, seq = sequence },
    };

    private static string OperatingSystemName =>
        OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "unknown";
}
