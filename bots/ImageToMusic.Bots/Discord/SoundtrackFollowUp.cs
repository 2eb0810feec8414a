namespace ImageToMusic.Bots.Discord;

/// <summary>
/// A soundtrack still owed to a Discord interaction: what the follow-up queue carries from the interaction,
/// answered at once, to the work that makes the soundtrack and edits it into the reply. The interaction token in
/// it is valid for 15 minutes, which bounds how long the work may be retried.
/// </summary>
/// <param name="Guild">The server the photo was posted in: its members' thumbs shape the ranking (none in direct messages).</param>
public sealed record SoundtrackFollowUp(string ApplicationId, string Token, Attachment Attachment, string Source, string? Guild);
