namespace ImageToMusic.Bots.Discord;

/// <summary>Where follow-ups wait for their turn: a Storage queue on Azure, a queue in the process under `serve`.</summary>
public interface ISoundtrackQueue
{
    Task EnqueueAsync(SoundtrackFollowUp followUp, CancellationToken cancellation);
}
