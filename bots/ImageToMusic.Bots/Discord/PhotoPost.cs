namespace ImageToMusic.Bots.Discord;

/// <summary>
/// A message with photos posted in a channel with auto-replies on, as the gateway saw it: what the follow-up queue
/// carries to the work that replies to it with a soundtrack.
/// </summary>
/// <param name="Photos">Its image attachments, at most <see cref="SoundtrackMessage.MaxTracks"/>.</param>
public sealed record PhotoPost(string Guild, string Channel, string MessageId, IReadOnlyList<Attachment> Photos)
{
    /// <summary>Where an analysis came from, as for /soundtrack.</summary>
    public string SourceOf(Attachment photo) => SoundtrackCommand.SourceOf(Guild, Channel, photo);
}
