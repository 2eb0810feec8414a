namespace ImageToMusic.Engine.AutoReplies;

/// <summary>
/// A channel of a community on a chat platform: a Discord guild's text channel, or a Teams team's channel.
/// </summary>
/// <param name="Platform">"discord" or "teams".</param>
/// <param name="Community">The guild or the team; the store's partition, so a community's channels live together.</param>
/// <param name="Channel">The channel's id on that platform.</param>
public sealed record ChatChannel(string Platform, string Community, string Channel);
