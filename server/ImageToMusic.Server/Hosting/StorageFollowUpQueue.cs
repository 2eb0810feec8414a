using Azure.Storage.Queues;
using ImageToMusic.Bots.FollowUps;

namespace ImageToMusic.Server.Hosting;

/// <summary>
/// Follow-ups on the Storage queue the function app's BotFollowUp function drains. Sent base64-encoded, the queue trigger's
/// default encoding. The message outlives the instance that answered the platform, so a scale-in cannot cut the work
/// short as in-process background work could be.
/// </summary>
public sealed class StorageFollowUpQueue(QueueClient queue) : IFollowUpQueue
{
    public static QueueClientOptions ClientOptions => new() { MessageEncoding = QueueMessageEncoding.Base64 };

    public async Task EnqueueAsync(BotFollowUp followUp, CancellationToken cancellation) =>
        await queue.SendMessageAsync(followUp.ToJson(), cancellation);
}
