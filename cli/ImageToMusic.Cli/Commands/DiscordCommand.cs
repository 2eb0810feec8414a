using System.CommandLine;
using ImageToMusic.Bots.Discord;
using ImageToMusic.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ImageToMusic.Cli.Commands;

/// <summary>
/// `discord register`: tells Discord about /soundtrack, "Find a soundtrack" and /soundtrack-channel, for the whole app or
/// one guild; `discord gateway` (<see cref="DiscordGatewayCommand"/>) answers photos posted in switched-on channels.
/// </summary>
internal static class DiscordCommand
{
    public static Command Create()
    {
        var guild = new Option<string?>("--guild") { Description = "Register in this guild (server) only; guild commands appear at once, global ones can take a while." };
        var register = new Command("register",
            $"Register the bot's commands with Discord, using {DiscordSettings.ApplicationId} and {DiscordSettings.BotToken} (and {DiscordSettings.ApiBase}, if set).")
            { guild };
        register.SetAction((result, cancellation) => Failures.Guard(async () =>
        {
            var applicationId = Required(DiscordSettings.ApplicationId, "the application id from the Developer Portal's General Information page");
            var token = Required(DiscordSettings.BotToken, "the bot token from the Developer Portal's Bot page");
            var apiBase = Environment.GetEnvironmentVariable(DiscordSettings.ApiBase) is { Length: > 0 } configured ? configured : DiscordSettings.DefaultApiBase;
            using var services = new ServiceCollection().AddOutboundHttp().BuildServiceProvider();
            var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(OutboundHttp.Discord);
            try
            {
                await new DiscordApi(http, apiBase, token).RegisterCommandsAsync(applicationId, result.GetValue(guild), DiscordCommands.All, cancellation);
            }
            catch (DiscordApiException e)
            {
                throw new InvalidOperationException(e.Message, e);
            }
            catch (HttpRequestException e)
            {
                throw new InvalidOperationException($"Could not reach Discord at {apiBase}: {e.Message}", e);
            }
            var where = result.GetValue(guild) is { } id ? $"in guild {id}" : "globally";
            Console.WriteLine($"registered {DiscordCommands.All.Count} commands {where}: /{DiscordCommands.Soundtrack}, \"{DiscordCommands.FindASoundtrack}\" (message menu), /{DiscordCommands.SoundtrackChannel}");
            return 0;
        }));
        return new Command("discord", "The Discord bot.") { register, DiscordGatewayCommand.Create() };
    }

    private static string Required(string name, string what) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"Set {name} to {what}.");
}
