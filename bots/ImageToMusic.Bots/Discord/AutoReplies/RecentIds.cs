namespace ImageToMusic.Bots.Discord.AutoReplies;

/// <summary>
/// The last <paramref name="capacity"/> ids seen, oldest forgotten first: enough to recognise an event the Gateway
/// delivers again after a resume (it replays what the connection missed, at least once). Thread-safe.
/// </summary>
public sealed class RecentIds(int capacity = RecentIds.DefaultCapacity)
{
    public const int DefaultCapacity = 10_000;

    private readonly HashSet<string> seen = [];
    private readonly Queue<string> order = new();
    private readonly Lock gate = new();

    /// <summary>True the first time an id is offered; false for one still remembered.</summary>
    public bool TryAdd(string id)
    {
        lock (gate)
        {
            if (!seen.Add(id)) return false;
            order.Enqueue(id);
            if (order.Count > capacity) seen.Remove(order.Dequeue());
            return true;
        }
    }

    /// <summary>Forgets an id, so a later delivery of the event is handled (its work could not be handed on).</summary>
    public void Remove(string id)
    {
        lock (gate) seen.Remove(id); // its place in the order stays: if it is offered again, it may be forgotten early, never late
    }
}
