namespace ImageToMusic.Engine.AutoReplies;

/// <summary>
/// Which channels a community turned auto-replies on in: there the bots answer every posted photo without being
/// asked. Off unless turned on, so a bot added to a server or team stays quiet until someone allowed to says so.
/// </summary>
public interface IAutoReplyStore
{
    Task<bool> IsOnAsync(ChatChannel channel, CancellationToken cancellation = default);

    /// <summary>Turns auto-replies on or off in the channel; false when it already was so (nothing written).</summary>
    Task<bool> SetAsync(ChatChannel channel, bool on, DateTimeOffset at, CancellationToken cancellation = default);
}
