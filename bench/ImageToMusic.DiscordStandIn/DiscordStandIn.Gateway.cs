using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ImageToMusic.DiscordStandIn;

/// <summary>The Gateway: HELLO, IDENTIFY → READY, heartbeats → ACK, RESUME → replay and RESUMED, as Discord speaks JSON v10.</summary>
public sealed partial class DiscordStandIn
{
    private readonly SemaphoreSlim sessionsGate = new(1, 1); // session state and what is sent in sequence
    private readonly Dictionary<string, StandInSession> sessions = [];
    private readonly Dictionary<int, StandInSession> currentSessions = [];
    private readonly List<StandInSocket> sockets = [];
    private readonly List<GatewayConnectionRecord> connections = [];
    private readonly List<IdentifyRecord> identifies = [];
    private readonly List<ResumeRecord> resumes = [];
    private readonly List<HeartbeatRecord> heartbeats = [];
    private volatile bool acking = true;
    private int startRemaining;
    private DateTimeOffset startResetAt;

    /// <summary>A RESUME replays this many dispatches from before the client's seq too (Discord delivers at least once).</summary>
    public int ReplayOverlap { get; set; }

    public IReadOnlyList<GatewayConnectionRecord> Connections { get { lock (gate) return [.. connections]; } }
    public IReadOnlyList<IdentifyRecord> Identifies { get { lock (gate) return [.. identifies]; } }
    public IReadOnlyList<ResumeRecord> Resumes { get { lock (gate) return [.. resumes]; } }
    public IReadOnlyList<HeartbeatRecord> Heartbeats { get { lock (gate) return [.. heartbeats]; } }

    /// <summary>The last sequence number the shard's current session has given out (0 before READY).</summary>
    public long LastSequence(int shard = 0) { lock (gate) return currentSessions.GetValueOrDefault(shard)?.LastSequence ?? 0; }

    /// <summary>HEARTBEATs are no longer acknowledged (op 11) until <see cref="ResumeAcking"/>.</summary>
    public void StopAcking() => acking = false;
    public void ResumeAcking() => acking = true;

    /// <summary>Sends a dispatch to the shard's current session; it is buffered and numbered even with no connection up, and replayed on RESUME. Returns its sequence.</summary>
    public async Task<long> DispatchAsync(string type, object? data, int shard = 0)
    {
        await sessionsGate.WaitAsync();
        try
        {
            StandInSession session;
            lock (gate) session = currentSessions.GetValueOrDefault(shard) ?? throw new InvalidOperationException($"Shard {shard} has no session yet (no IDENTIFY).");
            var (sequence, json) = Numbered(session, type, data);
            if (session.Socket is { Live: true } socket) await socket.SendAsync(json);
            return sequence;
        }
        finally { sessionsGate.Release(); }
    }

    /// <summary>Aborts the shard's connection at the TCP level: no close frame. False when none was open.</summary>
    public Task<bool> DropConnectionAsync(int shard = 0)
    {
        var socket = CurrentSocket(shard);
        socket?.Context.Abort();
        return Task.FromResult(socket is not null);
    }

    /// <summary>op 7 RECONNECT.</summary>
    public Task SendReconnectAsync(int shard = 0) => SendToAsync(shard, new { op = 7, d = (object?)null });

    /// <summary>op 9 INVALID_SESSION; not resumable forgets the session, as Discord does.</summary>
    public async Task SendInvalidSessionAsync(bool resumable, int shard = 0)
    {
        if (!resumable) await ForgetSessionAsync(shard);
        await SendToAsync(shard, new { op = 9, d = resumable });
    }

    /// <summary>op 1: asks the client for a heartbeat now.</summary>
    public Task RequestHeartbeatAsync(int shard = 0) => SendToAsync(shard, new { op = 1, d = (object?)null });

    /// <summary>Closes the shard's connection with a close frame; codes after which Discord will not resume (4004, 4007, 4009–4014) forget the session.</summary>
    public async Task CloseAsync(int code, string reason, int shard = 0)
    {
        if (code is 4004 or 4007 or 4009 or >= 4010 and <= 4014) await ForgetSessionAsync(shard);
        if (CurrentSocket(shard) is { } socket) await socket.CloseAsync(code, reason);
    }

    public Task WaitForConnectionsAsync(int count, TimeSpan timeout) => WaitUntilAsync(() => Connections.Count >= count, timeout, $"{count} Gateway connection(s)");
    public Task WaitForIdentifiesAsync(int count, TimeSpan timeout) => WaitUntilAsync(() => Identifies.Count >= count, timeout, $"{count} IDENTIFY(s)");
    public Task WaitForResumesAsync(int count, TimeSpan timeout) => WaitUntilAsync(() => Resumes.Count >= count, timeout, $"{count} RESUME(s)");
    public Task WaitForHeartbeatsAsync(int count, TimeSpan timeout) => WaitUntilAsync(() => Heartbeats.Count >= count, timeout, $"{count} heartbeat(s)");

    /// <summary>Waits until the shard has a connection on which READY or RESUMED has been sent.</summary>
    public Task WaitForLiveSessionAsync(TimeSpan timeout, int shard = 0) => WaitUntilAsync(() =>
    {
        lock (gate) return currentSessions.GetValueOrDefault(shard)?.Socket is { Live: true };
    }, timeout, $"a live session on shard {shard}");

    private StandInSocket? CurrentSocket(int shard)
    {
        // The newest connection still open for the shard (or not yet identified): a session's own socket may be
        // the old, dead one for a moment while a RESUME on a new connection is being answered.
        lock (gate)
            return sockets
                .Where(s => s.WebSocket.State == WebSocketState.Open && !s.Context.RequestAborted.IsCancellationRequested)
                .Where(s => s.Session is null ? !currentSessions.ContainsKey(shard) || s.Id > (currentSessions[shard].Socket?.Id ?? 0) : s.Session.Shard == shard)
                .MaxBy(s => s.Id);
    }

    private IReadOnlyList<StandInSocket> LiveSockets() { lock (gate) return [.. sockets]; }

    private async Task SendToAsync(int shard, object payload)
    {
        if (CurrentSocket(shard) is { } socket) await socket.SendAsync(payload);
        else throw new InvalidOperationException($"Shard {shard} has no open Gateway connection.");
    }

    private async Task ForgetSessionAsync(int shard)
    {
        await sessionsGate.WaitAsync();
        try { lock (gate) if (currentSessions.GetValueOrDefault(shard) is { } session) sessions.Remove(session.Id); }
        finally { sessionsGate.Release(); }
    }

    /// <summary>Gives the dispatch the session's next sequence number and keeps it for replay. Call holding sessionsGate.</summary>
    private (long Sequence, string Json) Numbered(StandInSession session, string type, object? data)
    {
        lock (gate)
        {
            var sequence = ++session.LastSequence;
            var json = JsonSerializer.Serialize(new { op = 0, s = sequence, t = type, d = data });
            session.Sent.Add((sequence, json));
            return (sequence, json);
        }
    }

    private async Task ServeGatewayAsync(HttpContext context, bool resumed)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }
        var webSocket = await context.WebSockets.AcceptWebSocketAsync();
        StandInSocket socket;
        lock (gate)
        {
            var record = new GatewayConnectionRecord(connections.Count + 1, resumed ? "/gateway/resume" : "/gateway", Clock.GetUtcNow());
            connections.Add(record);
            socket = new StandInSocket(record.Id, webSocket, context, record);
            sockets.Add(socket);
        }
        try
        {
            if (context.Request.Query["v"] != "10" || context.Request.Query["encoding"] != "json")
            {
                await socket.CloseAsync(4012, "Invalid API version");
                await DrainAsync(socket);
                return;
            }
            await socket.SendAsync(new { op = 10, d = new { heartbeat_interval = Options.HeartbeatIntervalMs } });
            while (await ReceiveAsync(socket) is { } json)
            {
                socket.Record.Add(json);
                using var document = JsonDocument.Parse(json);
                var root = document.RootElement;
                var d = root.TryGetProperty("d", out var value) ? value : default;
                switch (root.GetProperty("op").GetInt32())
                {
                    case 1:
                        lock (gate) heartbeats.Add(new HeartbeatRecord(socket.Id, Clock.GetUtcNow(), d.ValueKind == JsonValueKind.Number ? d.GetInt64() : null));
                        if (acking) await socket.SendAsync(new { op = 11 });
                        break;
                    case 2:
                        await IdentifyAsync(socket, d);
                        break;
                    case 6:
                        await ResumeAsync(socket, d);
                        break;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // The client went (or sent nonsense); the connection ends.
        }
        finally
        {
            await sessionsGate.WaitAsync();
            try
            {
                lock (gate)
                {
                    socket.Record.Open = false;
                    sockets.Remove(socket);
                    if (socket.Session?.Socket == socket) socket.Session.Socket = null;
                }
            }
            finally { sessionsGate.Release(); }
        }
    }

    private async Task IdentifyAsync(StandInSocket socket, JsonElement d)
    {
        var token = d.TryGetProperty("token", out var t) ? t.GetString() : null;
        var intents = d.TryGetProperty("intents", out var i) && i.TryGetInt32(out var n) ? n : -1;
        var (shard, count) = d.TryGetProperty("shard", out var s) ? (s[0].GetInt32(), s[1].GetInt32()) : (0, 1);
        lock (gate)
            identifies.Add(new IdentifyRecord(socket.Id, Clock.GetUtcNow(), token, intents, shard, count,
                d.TryGetProperty("properties", out var p) ? p.Clone() : default));
        var refusal =
            socket.Session is not null ? (4005, "Already authenticated.")
            : token != Options.BotToken ? (4004, "Authentication failed.")
            : intents < 0 || (intents & ~StandInIntents.Known) != 0 ? (4013, "Invalid intent(s).")
            : (intents & StandInIntents.Privileged & ~Options.EnabledPrivilegedIntents) != 0 ? (4014, "Disallowed intent(s).")
            : count < 1 || shard < 0 || shard >= count ? (4010, "Invalid shard.")
            : count < Options.RequiredShards ? (4011, "Sharding required.")
            : ((int, string)?)null;
        if (refusal is { } refused)
        {
            await socket.CloseAsync(refused.Item1, refused.Item2);
            return;
        }
        TakeSessionStart();
        await sessionsGate.WaitAsync();
        try
        {
            var session = new StandInSession(Guid.NewGuid().ToString("N"), shard, count);
            lock (gate)
            {
                sessions[session.Id] = session;
                currentSessions[shard] = session;
                session.Socket = socket;
                socket.Session = session;
            }
            var (_, json) = Numbered(session, "READY", new
            {
                v = 10,
                user = new { id = Options.BotUserId, username = "ImageToMusic", discriminator = "0", bot = true },
                guilds = Array.Empty<object>(),
                session_id = session.Id,
                resume_gateway_url = ResumeGatewayUrl,
                shard = new[] { shard, count },
                application = new { id = Options.ApplicationId, flags = 0 },
            });
            socket.Live = await socket.SendAsync(json);
        }
        finally { sessionsGate.Release(); }
    }

    private async Task ResumeAsync(StandInSocket socket, JsonElement d)
    {
        var token = d.TryGetProperty("token", out var t) ? t.GetString() : null;
        var id = d.TryGetProperty("session_id", out var i) ? i.GetString() : null;
        long? seq = d.TryGetProperty("seq", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : null;
        lock (gate) resumes.Add(new ResumeRecord(socket.Id, Clock.GetUtcNow(), id, seq));
        if (token != Options.BotToken)
        {
            await socket.CloseAsync(4004, "Authentication failed.");
            return;
        }
        await sessionsGate.WaitAsync();
        try
        {
            StandInSession? session;
            lock (gate) session = id is null ? null : sessions.GetValueOrDefault(id);
            if (session is null)
            {
                await socket.SendAsync(new { op = 9, d = false });
                return;
            }
            if ((seq ?? 0) > session.LastSequence)
            {
                await socket.CloseAsync(4007, "Invalid seq.");
                return;
            }
            StandInSocket? previous;
            (long Sequence, string Json)[] replay;
            lock (gate)
            {
                previous = session.Socket;
                session.Socket = socket;
                socket.Session = session;
                var from = (seq ?? 0) - ReplayOverlap;
                replay = [.. session.Sent.Where(e => e.Sequence > from)];
            }
            previous?.Context.Abort(); // Discord ends a session's older connection when it is resumed elsewhere
            foreach (var (_, json) in replay)
                if (!await socket.SendAsync(json)) return;
            var (_, resumed) = Numbered(session, "RESUMED", new { });
            socket.Live = await socket.SendAsync(resumed);
        }
        finally { sessionsGate.Release(); }
    }

    private void TakeSessionStart()
    {
        lock (gate)
        {
            if (Clock.GetUtcNow() >= startResetAt)
                (startRemaining, startResetAt) = (Options.SessionStartTotal, Clock.GetUtcNow().AddMilliseconds(Options.SessionStartResetAfterMs));
            startRemaining = Math.Max(0, startRemaining - 1);
        }
    }

    /// <summary>When session_start_limit.remaining next resets to the total.</summary>
    public DateTimeOffset SessionStartsResetAt
    {
        get { lock (gate) return startResetAt; }
    }

    /// <summary>session_start_limit now: remaining resets to the total once reset_after has passed.</summary>
    private (int Remaining, long ResetAfterMs) SessionStartLimit()
    {
        lock (gate)
        {
            var now = Clock.GetUtcNow();
            if (now >= startResetAt)
                (startRemaining, startResetAt) = (Options.SessionStartTotal, now.AddMilliseconds(Options.SessionStartResetAfterMs));
            return (startRemaining, (long)Math.Ceiling((startResetAt - now).TotalMilliseconds));
        }
    }

    /// <summary>The next whole text message, or null once the client closed (answered) or the connection went.</summary>
    private static async Task<string?> ReceiveAsync(StandInSocket socket)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.WebSocket.ReceiveAsync(buffer, socket.Context.RequestAborted);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (!socket.ServerClosed) socket.Record.ClientCloseStatus ??= (int?)socket.WebSocket.CloseStatus;
                await socket.CloseAsync((int)(socket.WebSocket.CloseStatus ?? WebSocketCloseStatus.NormalClosure), "");
                return null;
            }
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
        }
    }

    /// <summary>After the server closed: read until the client answers the close.</summary>
    private static async Task DrainAsync(StandInSocket socket)
    {
        while (await ReceiveAsync(socket) is not null) { }
    }
}
