using System.Collections.Frozen;
using Microsoft.AspNetCore.Routing.Patterns;

namespace ImageToMusic.Server.Hosting;

/// <summary>
/// The doors for a host that routes requests itself (the function app): each handler compiled once by the factory
/// minimal APIs use, so its parameters bind exactly as under `serve`, and run behind the same error handling and
/// request limits.
/// </summary>
public sealed class HttpDoors(IServiceProvider services, RequestLimits limits)
{
    private readonly FrozenDictionary<string, RequestDelegate> compiled = Doors.All.ToFrozenDictionary(door => door.Name, door =>
        RequestDelegateFactory.Create(door.Handler, new RequestDelegateFactoryOptions
        {
            ServiceProvider = services,
            RouteParameterNames = [.. RoutePatternFactory.Parse(door.Route).Parameters.Select(p => p.Name)],
        }).RequestDelegate);

    public Task RunAsync(string name, HttpContext context) =>
        ErrorHandling.Run(context, c => limits.RunAsync(c, compiled[name]));
}
