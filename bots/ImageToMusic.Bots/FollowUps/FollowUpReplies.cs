using ImageToMusic.Bots.Discord;
using ImageToMusic.Bots.Teams;
using Microsoft.Extensions.Logging;

namespace ImageToMusic.Bots.FollowUps;

/// <summary>
/// Does the work a follow-up stands for, with the bot it belongs to. A fault worth retrying is thrown so the queue
/// tries again; once the queue gives up, <see cref="GiveUpAsync(BotFollowUp, CancellationToken)"/> tells the user.
/// </summary>
/// <param name="discord">Null when the Discord bot is off.</param>
/// <param name="discordPosts">Null when the Discord bot is off.</param>
/// <param name="teams">Null when the Teams bot is off.</param>
public sealed class FollowUpReplies(SoundtrackReplies? discord, PhotoPostReplies? discordPosts, TeamsPhotoReplies? teams, ILogger<FollowUpReplies> logger)
{
    public Task ReplyAsync(BotFollowUp followUp, CancellationToken cancellation) => followUp switch
    {
        { Discord: { } d } when discord is not null => discord.ReplyAsync(d, cancellation),
        { DiscordPost: { } p } when discordPosts is not null => discordPosts.ReplyAsync(p, cancellation),
        { Teams: { } t } when teams is not null => teams.ReplyAsync(t, cancellation),
        _ => Drop("for a bot that is off"),
    };

    public Task GiveUpAsync(BotFollowUp followUp, CancellationToken cancellation) => followUp switch
    {
        { Discord: { } d } when discord is not null => discord.GiveUpAsync(d, cancellation),
        { DiscordPost: { } p } when discordPosts is not null => discordPosts.GiveUpAsync(p, cancellation),
        { Teams: { } t } when teams is not null => teams.GiveUpAsync(t, cancellation),
        _ => Drop("for a bot that is off"),
    };

    /// <summary>A queue message: its follow-up done, or, when it carries none, logged and dropped.</summary>
    public Task ReplyAsync(string message, CancellationToken cancellation) =>
        BotFollowUp.FromJson(message) is { } followUp ? ReplyAsync(followUp, cancellation) : Drop($"that is not one ({message.Length} characters)");

    /// <summary>A message from the poison queue: the user told the work could not be done.</summary>
    public Task GiveUpAsync(string message, CancellationToken cancellation) =>
        BotFollowUp.FromJson(message) is { } followUp ? GiveUpAsync(followUp, cancellation) : Drop($"that is not one ({message.Length} characters)");

    private Task Drop(string why)
    {
        logger.LogError("Dropped a follow-up {Why}", why);
        return Task.CompletedTask;
    }
}
