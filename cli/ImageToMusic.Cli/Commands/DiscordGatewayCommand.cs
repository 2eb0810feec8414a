using System.CommandLine;
using ImageToMusic.Bots.Discord;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Server;
using ImageToMusic.Server.Gateway;
using ImageToMusic.Storage.Sqlite;
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
            var settings = new Dictionary<string, string>();
            if (result.GetValue(perMinute) is { } limit)
                settings[DiscordSettings.ChannelRepliesPerMinute] = limit > 0
                    ? limit.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : throw new ArgumentException("--replies-per-minute must be at least 1.");
            var handsOn = Environment.GetEnvironmentVariable(AppSettings.FollowUpsQueue) is { Length: > 0 };
            string where;
            if (handsOn) where = $"handing photos to the queue {Environment.GetEnvironmentVariable(AppSettings.FollowUpsQueue)}";
            else
            {
                var storePath = StoreLocation.Resolve(result.GetValue(store));
                if (await new SqliteCatalogStore(SqliteDatabase.Open(storePath)).CountAsync(cancellation) == 0)
                    throw CommonOptions.EmptyCatalog(storePath, result.GetValue(store));
                var home = Path.GetDirectoryName(storePath)!;
                settings[AppSettings.StoreKind] = "sqlite";
                settings[AppSettings.SqlitePath] = storePath;
                settings[AppSettings.UserSalt] = UserSalts.FindOrCreate(home);
                settings[AppSettings.UploadsFolder] = Path.Combine(home, "uploads"); // required of a host that runs the engine; never read here
                where = $"replying from this process (store: {storePath})";
            }
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
