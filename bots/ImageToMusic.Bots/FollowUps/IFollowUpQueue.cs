namespace ImageToMusic.Bots.FollowUps;

/// <summary>Where follow-ups wait for their turn: a Storage queue on Azure, a queue in the process under `serve`.</summary>
public interface IFollowUpQueue
{
    Task EnqueueAsync(BotFollowUp followUp, CancellationToken cancellation);
}
