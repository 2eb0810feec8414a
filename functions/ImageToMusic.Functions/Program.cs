using ImageToMusic.Functions;
using ImageToMusic.Server.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// The isolated worker: the Functions host routes triggers here and checks function keys; settings are app settings.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
using var backend = await BackendFactory.CreateAsync(Environment.GetEnvironmentVariable);
builder.Services.AddFunctionApp(backend, Environment.GetEnvironmentVariable);
await builder.Build().RunAsync();
