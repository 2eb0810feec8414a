using System.CommandLine;
using ImageToMusic.Bots.Discord;
using ImageToMusic.Server;
using ImageToMusic.Server.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ImageToMusic.Cli.Commands;

/// <summary>
/// `discord gateway`: keeps the bot connected to Discord's Gateway and answers every photo posted in a channel whose
/// auto-replies are on (`/soundtrack-channel on`). On this machine it replies itself, over the local store; with
/// FOLLOWUPS_QUEUE set (the Azure container) it hands each photo to the function app's queue.
/// </summary>
internal static class DiscordGatewayCommand
{
    public static Command Create()
    {
        var store = CommonOptions.Store();
        var perMinute = new Option<int?>("--replies-per-minute")
        {
            Description = $"At most this many auto-replies per channel a minute; later photos are skipped and counted (default {DiscordSettings.ChannelRepliesPerMinute}, else 10).",
        };
        var command = new Command("gateway",
            $"Connect to Discord's Gateway with {DiscordSettings.BotToken} and reply to photos posted in channels switched on with /{DiscordCommands.SoundtrackChannel}. Runs until Ctrl+C.")
            { store, perMinute };
        command.SetAction((result, cancellation) => Failures.Guard(async () =>
        {
            var limit = result.GetValue(perMinute) is { } given
                ? given > 0 ? given.ToString(System.Globalization.CultureInfo.InvariantCulture) : throw new ArgumentException("--replies-per-minute must be at least 1.")
                : null;
            Dictionary<string, string> settings;
            string where;
            if (Environment.GetEnvironmentVariable(AppSettings.FollowUpsQueue) is { Length: > 0 } queue)
                (settings, where) = ([], $"handing photos to the queue {queue}");
            else
            {
                (var storePath, settings) = await LocalEngine.SettingsAsync(result.GetValue(store), cancellation);
                where = $"replying from this process (store: {storePath})";
            }
            if (limit is not null) settings[DiscordSettings.ChannelRepliesPerMinute] = limit;
            using var host = await DiscordGatewayHost.BuildAsync(settings, cancellation: cancellation);
            var worker = host.Services.GetRequiredService<GatewayWorker>();
            Console.Error.WriteLine($"Discord Gateway: {where}. Ctrl+C stops.");
            await host.RunAsync(cancellation); // disposes the host
            if (worker.Fatal is { } fatal) throw new InvalidOperationException(fatal.Message, fatal);
            return 0;
        }));
        return command;
    }
}
