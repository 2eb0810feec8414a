using ImageToMusic.Server;
using ImageToMusic.Server.Hosting;

// On Azure the Functions host starts this app and checks function keys itself; configuration comes from app settings.
using var backend = BackendFactory.Create(Environment.GetEnvironmentVariable);
var app = ServerApp.Build(backend, new ServerOptions { Teams = TeamsSetup.FromSettings(Environment.GetEnvironmentVariable) }, args);
app.Run();
