using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using ImageToMusic.Azure.Cosmos;

namespace ImageToMusic.LocalAzure;

/// <summary>
/// The in-memory Cosmos DB server (tools/cosmos-server, installed by build.sh) running in a node process on
/// 127.0.0.1, for tests and local runs. Plain HTTP, the emulator's key; disposing stops it and its data is gone.
/// </summary>
public sealed class CosmosServerProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly Process process;

    private CosmosServerProcess(Process process, int port)
    {
        this.process = process;
        Endpoint = $"http://127.0.0.1:{port}/";
    }

    public string Endpoint { get; }

    public string Key => CosmosClients.LocalServerKey;

    /// <summary>A client for this server (<see cref="CosmosClients.ForLocalServer"/>).</summary>
    public Microsoft.Azure.Cosmos.CosmosClient CreateClient() => CosmosClients.ForLocalServer(Endpoint, Key);

    /// <summary>Starts the server on <paramref name="port"/> and returns once it accepts requests.</summary>
    /// <param name="launcher">tools/cosmos-server/launch.cjs; found above the app's folder when not given.</param>
    /// <exception cref="InvalidOperationException">node is missing, or the server exited or did not start in time.</exception>
    public static async Task<CosmosServerProcess> StartAsync(int port, string? launcher = null, CancellationToken cancellation = default)
    {
        launcher ??= FindLauncher();
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(launcher);
        info.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new StringBuilder();
        Process process;
        try { process = Process.Start(info)!; }
        catch (Win32Exception e) { throw new InvalidOperationException($"Cannot start node for the Cosmos server ({e.Message}); ./build.sh installs it.", e); }

        // Both pipes are read for the server's whole life, so its logging can never fill one and stall it.
        process.OutputDataReceived += (_, line) => { if (line.Data == $"ready {port}") ready.TrySetResult(); };
        process.ErrorDataReceived += (_, line) => { lock (errors) errors.AppendLine(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new CosmosServerProcess(process, port);

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(ready.Task, exited, Task.Delay(StartTimeout, cancellation));
        if (first == ready.Task) return server;
        server.Dispose();
        cancellation.ThrowIfCancellationRequested();
        lock (errors)
            throw new InvalidOperationException(first == exited
                ? $"The Cosmos server ({launcher}) exited on start:\n{errors}"
                : $"The Cosmos server ({launcher}) did not start within {StartTimeout.TotalSeconds} s:\n{errors}");
    }

    /// <summary>tools/cosmos-server/launch.cjs in the checkout.</summary>
    public static string FindLauncher() => LocalTools.Find(Path.Combine("cosmos-server", "launch.cjs"));

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        process.Dispose();
    }
}
