using ImageToMusic.Bots.FollowUps;
using ImageToMusic.Server;
using Microsoft.Azure.Functions.Worker;

namespace ImageToMusic.Functions;

/// <summary>
/// The bots' slow work, off the request that asked for it: a Discord interaction is answered at once ("thinking…")
/// and a Teams photo acknowledged; the soundtrack is made here, from the follow-up queue, and edited into the Discord
/// reply or sent as the Teams card. A message that fails maxDequeueCount times (host.json) moves to the poison queue,
/// whose function tells the user, so no one is left waiting.
/// </summary>
public sealed class FollowUpFunctions(FollowUpReplies replies)
{
    private const string Queue = "%" + AppSettings.FollowUpsQueue + "%";

    [Function(nameof(BotFollowUp))]
    public Task BotFollowUp([QueueTrigger(Queue, Connection = AppSettings.HostStorage)] string message, CancellationToken cancellation) =>
        replies.ReplyAsync(message, cancellation);

    [Function(nameof(BotFollowUpPoison))]
    public Task BotFollowUpPoison([QueueTrigger(Queue + "-poison", Connection = AppSettings.HostStorage)] string message, CancellationToken cancellation) =>
        replies.GiveUpAsync(message, cancellation);
}
