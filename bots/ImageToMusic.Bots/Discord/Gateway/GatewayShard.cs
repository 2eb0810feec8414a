using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ImageToMusic.Bots.Discord.Gateway;

/// <summary>
/// One shard's life: connect, IDENTIFY or RESUME, heartbeat, read, and reconnect as Discord's docs say, until
/// stopped or refused for good. Dispatches go through a queue to one delivery loop, so a slow handler holds up
/// neither heartbeats nor ACKs, and they are handed on in order.
/// </summary>
internal sealed class GatewayShard(
    int shard, int shardCount, GatewayOptions options, IdentifyLimiter limiter,
    Func<GatewayDispatch, CancellationToken, Task> onDispatch, ILogger logger, TimeProvider clock)
{
    private readonly Channel<GatewayDispatch> dispatches = Channel.CreateUnbounded<GatewayDispatch>(new() { SingleReader = true, SingleWriter = true });
    private string? sessionId;
    private string? resumeUrl;
    private long sequence = -1; // -1: none yet
    private int failures;

    private long? Sequence => Interlocked.Read(ref sequence) is var s and >= 0 ? s : null;

    public async Task RunAsync(CancellationToken stopping)
    {
        var delivering = DeliverAsync(stopping);
        try { await ConnectLoopAsync(stopping); }
        finally
        {
            dispatches.Writer.TryComplete();
            await delivering;
        }
    }

    private async Task ConnectLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            ConnectionEnd end;
            try { end = await ConnectOnceAsync(stopping); }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested) { return; }
            catch (Exception e) when (e is not GatewayFatalException)
            {
                end = ConnectionEnd.Resume($"connection lost ({e.GetType().Name}: {e.Message})");
            }
            if (end.Stopped) return;
            if (end.NewSession) (sessionId, resumeUrl) = (null, null);
            var wait = end.Wait ?? (end.Immediate ? TimeSpan.Zero : Backoff());
            logger.LogInformation("Discord shard {Shard}: {Reason}; {Next} in {Wait} ms", shard, end.Reason,
                sessionId is null ? "identifying anew" : "resuming", (int)wait.TotalMilliseconds);
            try { if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, stopping); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>BackoffBase doubling per failed attempt up to BackoffMax, times a jitter in [0.5, 1).</summary>
    private TimeSpan Backoff()
    {
        var attempt = Math.Min(failures++, 30);
        var ceiling = Math.Min(options.BackoffBase.TotalMilliseconds * Math.Pow(2, attempt), options.BackoffMax.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + Random.Shared.NextDouble() / 2));
    }

    private async Task<ConnectionEnd> ConnectOnceAsync(CancellationToken stopping)
    {
        var resuming = sessionId is not null && resumeUrl is not null;
        using var turn = resuming ? null : await limiter.WaitTurnAsync(shard, stopping);
        using var socket = new GatewaySocket(options, clock);
        using var stop = stopping.Register(() => _ = socket.CloseAsync(GatewayCloseCodes.Normal, "shutting down", ConnectionEnd.Stop));
        var url = resuming ? resumeUrl! : limiter.GatewayUrl;
        Task heartbeating = Task.CompletedTask;
        try
        {
            await socket.ConnectAsync(GatewayBot.SocketUri(url));
            logger.LogInformation("Discord shard {Shard}: connected to {Url}", shard, url);
            var hello = await socket.ReceiveAsync();
            if (hello.Json is not { } helloJson) return await EndedByServerAsync(socket, hello);
            using (var document = JsonDocument.Parse(helloJson))
            {
                var root = document.RootElement;
                if (root.GetProperty("op").GetInt32() != GatewayPayloads.Hello) return ConnectionEnd.Resume("the first message was not HELLO");
                var interval = TimeSpan.FromMilliseconds(root.GetProperty("d").GetProperty("heartbeat_interval").GetDouble());
                socket.HandshakeDone();
                heartbeating = HeartbeatAsync(socket, interval);
            }
            if (resuming)
            {
                logger.LogInformation("Discord shard {Shard}: resuming session at sequence {Sequence}", shard, Sequence);
                await socket.SendAsync(GatewayPayloads.ResumeWith(options, sessionId!, Sequence));
            }
            else
            {
                Interlocked.Exchange(ref sequence, -1);
                await socket.SendAsync(GatewayPayloads.IdentifyWith(options, shard, shardCount));
                turn!.Identified();
                turn.Dispose();
                logger.LogInformation("Discord shard {Shard}: identified as shard {Shard}/{Count}", shard, shard, shardCount);
            }
            return await ReadAsync(socket);
        }
        catch (GatewayMessageTooBigException e)
        {
            await socket.CloseAsync(GatewayCloseCodes.MessageTooBig, "message too big", ConnectionEnd.Resume(e.Message));
            return socket.End!;
        }
        catch (Exception e) when ((e is WebSocketException or OperationCanceledException or IOException) && socket.End is not null)
        {
            return socket.End!; // we were closing; the socket went before the server answered
        }
        finally
        {
            socket.Abort();
            await heartbeating;
        }
    }

    private async Task<ConnectionEnd> ReadAsync(GatewaySocket socket)
    {
        while (true)
        {
            var message = await socket.ReceiveAsync();
            if (message.Json is not { } json) return await EndedByServerAsync(socket, message);
            if (socket.End is not null) continue; // closing: the rest will be replayed on resume
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            switch (root.GetProperty("op").GetInt32())
            {
                case GatewayPayloads.Dispatch:
                    Dispatched(root);
                    break;
                case GatewayPayloads.Heartbeat:
                    await socket.SendAsync(GatewayPayloads.HeartbeatWith(Sequence));
                    break;
                case GatewayPayloads.HeartbeatAck:
                    socket.Acknowledged = true;
                    break;
                case GatewayPayloads.Reconnect:
                    await socket.CloseAsync(GatewayCloseCodes.Reconnecting, "reconnecting", ConnectionEnd.Resume("Discord asked for a reconnect (op 7)", immediate: true));
                    break;
                case GatewayPayloads.InvalidSession:
                    var resumable = root.TryGetProperty("d", out var d) && d.ValueKind == JsonValueKind.True;
                    await socket.CloseAsync(GatewayCloseCodes.Reconnecting, "invalid session", resumable
                        ? ConnectionEnd.Resume("invalid session (resumable)")
                        : ConnectionEnd.Identify("invalid session (not resumable)", InvalidSessionWait()));
                    break;
            }
        }
    }

    private void Dispatched(JsonElement root)
    {
        var s = root.GetProperty("s").GetInt64();
        var type = root.GetProperty("t").GetString() ?? "";
        var data = root.TryGetProperty("d", out var d) ? d.Clone() : default;
        // A resume may replay events already seen (Discord delivers at least once): the sequence never goes back.
        long seen;
        do seen = Interlocked.Read(ref sequence);
        while (s > seen && Interlocked.CompareExchange(ref sequence, s, seen) != seen);
        if (type == "READY")
        {
            sessionId = data.GetProperty("session_id").GetString();
            resumeUrl = data.GetProperty("resume_gateway_url").GetString();
            failures = 0;
            logger.LogInformation("Discord shard {Shard}: READY, session {Session}", shard, sessionId);
        }
        else if (type == "RESUMED")
        {
            failures = 0;
            logger.LogInformation("Discord shard {Shard}: RESUMED at sequence {Sequence}", shard, s);
        }
        dispatches.Writer.TryWrite(new GatewayDispatch(shard, s, type, data));
    }

    /// <summary>The server closed: a fatal code stops everything, 4007/4009 start a new session, anything else resumes.</summary>
    private async Task<ConnectionEnd> EndedByServerAsync(GatewaySocket socket, GatewayMessage close)
    {
        if (socket.End is { } ours) return ours;
        await socket.AnswerCloseAsync();
        var code = close.CloseCode ?? 1005;
        if (GatewayCloseCodes.IsFatal(code))
        {
            var fatal = new GatewayFatalException(code, close.CloseReason);
            logger.LogError("Discord shard {Shard}: {Message}", shard, fatal.Message);
            throw fatal;
        }
        return GatewayCloseCodes.NeedsNewSession(code)
            ? ConnectionEnd.Identify($"Discord closed with {code} ({close.CloseReason}): the session is gone")
            : ConnectionEnd.Resume($"Discord closed with {code} ({close.CloseReason})");
    }

    /// <summary>Heartbeats every interval, the first after interval × jitter; a missing ACK when the next is due means a zombie connection.</summary>
    private async Task HeartbeatAsync(GatewaySocket socket, TimeSpan interval)
    {
        try
        {
            await Task.Delay(interval * Random.Shared.NextDouble(), clock, socket.Aborted);
            while (socket.End is null)
            {
                if (!socket.Acknowledged)
                {
                    await socket.CloseAsync(GatewayCloseCodes.Reconnecting, "no heartbeat ACK",
                        ConnectionEnd.Resume("no HEARTBEAT_ACK since the last heartbeat (zombie connection)"));
                    return;
                }
                socket.Acknowledged = false;
                await socket.SendAsync(GatewayPayloads.HeartbeatWith(Sequence));
                await Task.Delay(interval, clock, socket.Aborted);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException or IOException)
        {
            // The connection is going; the read loop reports why.
        }
    }

    private TimeSpan InvalidSessionWait()
    {
        var (min, max) = (options.InvalidSessionWaitMin, options.InvalidSessionWaitMax);
        return min + (max - min) * Random.Shared.NextDouble();
    }

    private async Task DeliverAsync(CancellationToken stopping)
    {
        await Task.Yield();
        try
        {
            await foreach (var dispatch in dispatches.Reader.ReadAllAsync(stopping))
            {
                try { await onDispatch(dispatch, stopping); }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested) { return; }
                catch (Exception e)
                {
                    logger.LogError(e, "Discord shard {Shard}: handling {Type} (sequence {Sequence}) failed; carrying on", shard, dispatch.Type, dispatch.Sequence);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: what is still queued is dropped, as a restart would.
        }
    }
}
