using ImageToMusic.Bots.Discord;
using ImageToMusic.Server;
using Microsoft.Azure.Functions.Worker;

namespace ImageToMusic.Functions;

/// <summary>
/// The bots' slow work, off the request that asked for it: a Discord interaction is answered at once ("thinking…")
/// and its soundtrack is made here, from the follow-up queue, and edited into the reply. A message that fails
/// maxDequeueCount times (host.json) moves to the poison queue, whose function edits the reply to say so, so no one
/// is left watching "thinking…".
/// </summary>
public sealed class FollowUpFunctions(SoundtrackReplies replies)
{
    private const string Queue = "%" + AppSettings.FollowUpsQueue + "%";

    [Function(nameof(BotFollowUp))]
    public Task BotFollowUp([QueueTrigger(Queue, Connection = AppSettings.HostStorage)] string message, CancellationToken cancellation) =>
        replies.ReplyAsync(message, cancellation);

    [Function(nameof(BotFollowUpPoison))]
    public Task BotFollowUpPoison([QueueTrigger(Queue + "-poison", Connection = AppSettings.HostStorage)] string message, CancellationToken cancellation) =>
        replies.GiveUpAsync(message, cancellation);
}
