using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;

namespace ImageToMusic.Bots.Discord.Gateway;

/// <summary>
/// One WebSocket to the Gateway: whole JSON messages in (up to a size cap), sends one at a time (the heartbeat
/// and the receive loop both send), and a close that is started once, records why, and aborts the socket if the
/// server does not answer the close frame in time.
/// </summary>
internal sealed class GatewaySocket : IDisposable
{
    private readonly ClientWebSocket socket = new();
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly CancellationTokenSource aborted;
    private readonly GatewayOptions options;
    private ConnectionEnd? end;

    public GatewaySocket(GatewayOptions options, TimeProvider clock)
    {
        this.options = options;
        aborted = new CancellationTokenSource(Timeout.InfiniteTimeSpan, clock);
    }

    /// <summary>Cancelled when the connection is given up; every wait on this socket uses it.</summary>
    public CancellationToken Aborted => aborted.Token;

    /// <summary>Why we are closing, once a close has been started by this side.</summary>
    public ConnectionEnd? End => Volatile.Read(ref end);

    /// <summary>Set when HEARTBEAT_ACK arrives, cleared when a heartbeat is sent.</summary>
    public volatile bool Acknowledged = true;

    public async Task ConnectAsync(Uri uri)
    {
        aborted.CancelAfter(options.HandshakeTimeout);
        await socket.ConnectAsync(uri, Aborted);
    }

    /// <summary>HELLO arrived in time: no more deadline until a close is started.</summary>
    public void HandshakeDone() => aborted.CancelAfter(Timeout.InfiniteTimeSpan);

    public async Task SendAsync(object payload)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload);
        await sending.WaitAsync(Aborted);
        try { await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, Aborted); }
        finally { sending.Release(); }
    }

    /// <summary>Starts closing with <paramref name="code"/> (the first caller's reason wins); the socket is aborted if the server has not answered within the handshake timeout.</summary>
    public async Task CloseAsync(int code, string description, ConnectionEnd why)
    {
        if (Interlocked.CompareExchange(ref end, why, null) is not null) return;
        aborted.CancelAfter(options.HandshakeTimeout);
        try
        {
            await sending.WaitAsync(Aborted);
            try
            {
                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    await socket.CloseOutputAsync((WebSocketCloseStatus)code, description, Aborted);
                else
                    Abort(); // still connecting (or gone): nothing to close politely
            }
            finally { sending.Release(); }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            Abort(); // could not even say goodbye: drop it
        }
    }

    /// <summary>Answers a close frame the server started (best effort).</summary>
    public async Task AnswerCloseAsync()
    {
        try
        {
            aborted.CancelAfter(options.HandshakeTimeout);
            await sending.WaitAsync(Aborted);
            try
            {
                if (socket.State == WebSocketState.CloseReceived)
                    await socket.CloseOutputAsync(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, null, Aborted);
            }
            finally { sending.Release(); }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The server has gone already; nothing to answer.
        }
    }

    public void Abort()
    {
        try { aborted.Cancel(); }
        catch (ObjectDisposedException) { }
    }

    /// <summary>The next whole message, or its close status when the server closed. Throws <see cref="GatewayMessageTooBigException"/> past the cap.</summary>
    public async Task<GatewayMessage> ReceiveAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(16 * 1024), Aborted);
            if (result.MessageType == WebSocketMessageType.Close)
                return new GatewayMessage(null, (int?)socket.CloseStatus ?? 1005, socket.CloseStatusDescription);
            buffer.Advance(result.Count);
            if (buffer.WrittenCount > options.MaxMessageBytes) throw new GatewayMessageTooBigException(options.MaxMessageBytes);
            if (result.EndOfMessage) return new GatewayMessage(buffer.WrittenMemory, null, null);
        }
    }

    public void Dispose()
    {
        Abort();
        socket.Dispose();
        aborted.Dispose();
        sending.Dispose();
    }
}

/// <summary>A whole message (<see cref="Json"/>), or the server's close (<see cref="CloseCode"/>, 1005 when it gave none).</summary>
internal sealed record GatewayMessage(ReadOnlyMemory<byte>? Json, int? CloseCode, string? CloseReason);

internal sealed class GatewayMessageTooBigException(int cap) : Exception($"a Gateway message was larger than {cap} bytes");

/// <summary>How a connection ended and what the shard does next.</summary>
internal sealed record ConnectionEnd(string Reason, bool NewSession = false, bool Immediate = false, TimeSpan? Wait = null, bool Stopped = false)
{
    public static ConnectionEnd Stop { get; } = new("stopping", Stopped: true);
    public static ConnectionEnd Resume(string reason, bool immediate = false) => new(reason, Immediate: immediate);
    public static ConnectionEnd Identify(string reason, TimeSpan? wait = null) => new(reason, NewSession: true, Wait: wait);
}
