using ImageToMusic.Functions;
using ImageToMusic.Server.Composition;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// The isolated worker: the Functions host routes triggers here and checks function keys; settings are app settings.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddFunctionApp(builder.Configuration);
using var host = builder.Build();
await host.Services.LoadCatalogAsync();
await host.RunAsync();
