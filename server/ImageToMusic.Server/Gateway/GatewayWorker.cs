using ImageToMusic.Bots.Discord.Gateway;

namespace ImageToMusic.Server.Gateway;

/// <summary>
/// Runs the Gateway connection for the host's lifetime. When Discord refuses the bot for good (a bad token, intents
/// not enabled), it logs why, keeps the reason in <see cref="Fatal"/> and stops the host, instead of reconnecting forever.
/// </summary>
public sealed class GatewayWorker(DiscordGateway gateway, IHostApplicationLifetime lifetime, ILogger<GatewayWorker> logger) : BackgroundService
{
    public GatewayFatalException? Fatal { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await gateway.RunAsync(stoppingToken);
        }
        catch (GatewayFatalException e)
        {
            Fatal = e;
            logger.LogCritical("Discord refused the Gateway connection for good ({Code}): {Reason}", e.Code, e.Message);
            lifetime.StopApplication();
        }
    }
}
