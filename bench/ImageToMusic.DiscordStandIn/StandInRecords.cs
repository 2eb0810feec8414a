using System.Text.Json;

namespace ImageToMusic.DiscordStandIn;

/// <summary>An HTTP API call the stand-in received.</summary>
public sealed record DiscordCall(string Method, string Path, string? Authorization, string Body, DateTimeOffset At);

/// <summary>A message created by POST /channels/{id}/messages (its JSON as answered).</summary>
public sealed record PostedMessage(string Id, string ChannelId, string RequestBody, string Json, DateTimeOffset At);

public sealed record IdentifyRecord(int Connection, DateTimeOffset At, string? Token, int Intents, int ShardId, int ShardCount, JsonElement Properties);

public sealed record ResumeRecord(int Connection, DateTimeOffset At, string? SessionId, long? Seq);

public sealed record HeartbeatRecord(int Connection, DateTimeOffset At, long? Seq);

/// <summary>A Gateway WebSocket as the stand-in saw it: which URL, what the client sent, how it ended.</summary>
public sealed class GatewayConnectionRecord
{
    private readonly List<string> received = [];

    internal GatewayConnectionRecord(int id, string path, DateTimeOffset at) => (Id, Path, OpenedAt) = (id, path, at);

    public int Id { get; }

    /// <summary>/gateway or /gateway/resume.</summary>
    public string Path { get; }

    public DateTimeOffset OpenedAt { get; }

    /// <summary>The close code the client sent, if it closed with a frame.</summary>
    public int? ClientCloseStatus { get; internal set; }

    public bool Open { get; internal set; } = true;

    /// <summary>Every payload the client sent on it, as JSON text.</summary>
    public IReadOnlyList<string> Received { get { lock (received) return [.. received]; } }

    internal void Add(string json) { lock (received) received.Add(json); }
}
