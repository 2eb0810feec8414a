using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ImageToMusic.DiscordStandIn;

/// <summary>A Gateway session: its shard, sequence and the dispatches it has sent, kept for replay on RESUME.</summary>
internal sealed class StandInSession(string id, int shard, int shardCount)
{
    public string Id { get; } = id;
    public int Shard { get; } = shard;
    public int ShardCount { get; } = shardCount;
    public long LastSequence { get; set; }
    public List<(long Sequence, string Json)> Sent { get; } = [];
    public StandInSocket? Socket { get; set; }
}

/// <summary>One accepted Gateway WebSocket: sends one at a time; Live once READY or RESUMED has been sent on it.</summary>
internal sealed class StandInSocket(int id, WebSocket socket, HttpContext context, GatewayConnectionRecord record)
{
    private readonly SemaphoreSlim sending = new(1, 1);

    public int Id { get; } = id;
    public WebSocket WebSocket { get; } = socket;
    public HttpContext Context { get; } = context;
    public GatewayConnectionRecord Record { get; } = record;
    public StandInSession? Session { get; set; }
    public bool Live { get; set; }

    public Task SendAsync(object payload) => SendAsync(JsonSerializer.Serialize(payload));

    /// <summary>False when the socket is gone (the payload is then simply not delivered, as on a dropped TCP connection).</summary>
    public async Task<bool> SendAsync(string json)
    {
        try
        {
            await sending.WaitAsync(Context.RequestAborted);
            try
            {
                if (WebSocket.State != WebSocketState.Open) return false;
                await WebSocket.SendAsync(System.Text.Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, Context.RequestAborted);
                return true;
            }
            finally { sending.Release(); }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The stand-in started the close (so the client's close frame only answers it).</summary>
    public bool ServerClosed { get; private set; }

    public async Task CloseAsync(int code, string reason)
    {
        if (WebSocket.State == WebSocketState.Open) ServerClosed = true;
        try
        {
            await sending.WaitAsync(Context.RequestAborted);
            try
            {
                if (WebSocket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    await WebSocket.CloseOutputAsync((WebSocketCloseStatus)code, reason, Context.RequestAborted);
            }
            finally { sending.Release(); }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // Already gone.
        }
    }
}
