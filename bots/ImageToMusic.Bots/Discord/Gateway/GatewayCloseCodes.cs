namespace ImageToMusic.Bots.Discord.Gateway;

/// <summary>Discord's Gateway close event codes and what each asks the client to do.</summary>
internal static class GatewayCloseCodes
{
    public const int Normal = 1000;
    public const int MessageTooBig = 1009;
    public const int UnknownError = 4000;
    public const int AuthenticationFailed = 4004;
    public const int InvalidSeq = 4007;
    public const int RateLimited = 4008;
    public const int SessionTimedOut = 4009;
    public const int InvalidShard = 4010;
    public const int ShardingRequired = 4011;
    public const int InvalidApiVersion = 4012;
    public const int InvalidIntents = 4013;
    public const int DisallowedIntents = 4014;

    /// <summary>Ours: closing with a code other than 1000/1001 keeps the session resumable.</summary>
    public const int Reconnecting = 4900;

    /// <summary>Do not reconnect: the token, shard, version or intents must be fixed first.</summary>
    public static bool IsFatal(int code) => code is AuthenticationFailed or InvalidShard or ShardingRequired or InvalidApiVersion or InvalidIntents or DisallowedIntents;

    /// <summary>The session is gone: reconnect and IDENTIFY anew.</summary>
    public static bool NeedsNewSession(int code) => code is InvalidSeq or SessionTimedOut;
}
