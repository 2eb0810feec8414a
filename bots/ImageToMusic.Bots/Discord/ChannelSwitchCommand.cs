using System.Globalization;
using ImageToMusic.Engine.AutoReplies;

namespace ImageToMusic.Bots.Discord;

/// <summary>
/// `/soundtrack-channel on|off`: whether the gateway replies to every photo posted in this channel. Only members who
/// may manage the channel may switch it: Discord hides the command from others (default_member_permissions), and the
/// permissions the interaction carries are checked here too, since a server's admins can grant the command to anyone.
/// </summary>
public sealed class ChannelSwitchCommand(IAutoReplyStore channels, TimeProvider clock)
{
    /// <summary>The platform name the Discord bot stores everything under (votes, switches).</summary>
    public const string Platform = FeedbackClick.Platform;
    private const ulong Administrator = 1 << 3;

    public async Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellation)
    {
        if (interaction.GuildId is not { } guild || interaction.ChannelId is not { } channel)
            return InteractionResponse.Private("Auto-replies are for a server's channels: use this in the channel whose photos should get soundtracks.");
        if (!ulong.TryParse(interaction.Member?.Permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var permissions)
            || (permissions & (DiscordCommands.ManageChannels | Administrator)) == 0)
            return InteractionResponse.Private("Only members who can manage this channel can switch its auto-replies.");
        var on = StateOf(interaction.Data!);

        var changed = await channels.SetAsync(new ChatChannel(Platform, guild, channel), on, clock.GetUtcNow(), cancellation);
        return (changed, on) switch
        {
            (true, true) => InteractionResponse.Public("🎵 Auto-replies are on: every photo posted in this channel now gets a soundtrack (five songs, rated with 👍/👎)."),
            (true, false) => InteractionResponse.Public("Auto-replies are off: photos in this channel get a soundtrack only when someone asks with /soundtrack."),
            (false, var state) => InteractionResponse.Private($"Auto-replies were already {(state ? "on" : "off")} in this channel."),
        };
    }

    private static bool StateOf(InteractionData data)
    {
        var option = data.Options?.FirstOrDefault(o => o.Name == DiscordCommands.StateOption)
                     ?? throw new DiscordRequestException(400, $"/{DiscordCommands.SoundtrackChannel} without its '{DiscordCommands.StateOption}' option.");
        return option.Value.ValueKind == System.Text.Json.JsonValueKind.String ? option.Value.GetString() switch
        {
            "on" => true,
            "off" => false,
            var other => throw new DiscordRequestException(400, $"'{other}' is not a state; use on or off."),
        } : throw new DiscordRequestException(400, $"The '{DiscordCommands.StateOption}' option must be a string, on or off.");
    }
}
