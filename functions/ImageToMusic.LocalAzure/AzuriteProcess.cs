using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ImageToMusic.LocalAzure;

/// <summary>
/// A running Azurite (in memory, 127.0.0.1 only) for tests and `serve --azure-local`: its blob service (uploads) and
/// queue service (the function app's follow-ups; its table service runs too, unused). Dispose stops it.
/// Azurite is installed by build.sh into tools/azurite.
/// </summary>
public sealed class AzuriteProcess : IDisposable
{
    /// <summary>Azurite's fixed development account and key, public by design.</summary>
    public const string AccountName = "devstoreaccount1";
    private const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const string ReadyLine = "service is successfully listening";
    private const int Services = 3; // blob, queue, table
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;

    private AzuriteProcess(Process process, int blobPort, int queuePort)
    {
        _process = process;
        Port = blobPort;
        QueuePort = queuePort;
    }

    /// <summary>The blob service's port.</summary>
    public int Port { get; }

    public int QueuePort { get; }

    public Uri BlobEndpoint => new($"http://127.0.0.1:{Port}/{AccountName}");

    public Uri QueueEndpoint => new($"http://127.0.0.1:{QueuePort}/{AccountName}");

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};";

    /// <summary>
    /// Starts Azurite from <paramref name="installFolder"/> (the folder holding its node_modules) and returns once its
    /// services accept requests. Without a <paramref name="port"/> for blobs, a free one is picked; the others always are.
    /// </summary>
    public static async Task<AzuriteProcess> StartAsync(string installFolder, int? port = null,
        CancellationToken cancellationToken = default)
    {
        var main = Path.Combine(installFolder, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(main))
            throw new FileNotFoundException($"Azurite is not installed at {installFolder}; run ./build.sh.", main);

        var (blobPort, queuePort) = (port ?? FreePort(), FreePort());
        var process = Process.Start(new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                main, "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(), "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(),
                "--tableHost", "127.0.0.1", "--tablePort", FreePort().ToString(),
                "--inMemoryPersistence", "--disableTelemetry",
                // Azure.Storage.Blobs 12.30 speaks a service version newer than Azurite 3.37 knows; the calls used here
                // are unchanged in it, so Azurite is told not to refuse it.
                "--skipApiVersionCheck",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("Could not start node.");

        var azurite = new AzuriteProcess(process, blobPort, queuePort);
        try
        {
            await azurite.WaitUntilReadyAsync(cancellationToken);
            return azurite;
        }
        catch
        {
            azurite.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        // Drained to the end (not cancelled) so Azurite never blocks on a full pipe and its last words are kept.
        var stderr = _process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            var listening = 0;
            while (await _process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
                if (line.Contains(ReadyLine, StringComparison.Ordinal) && ++listening == Services)
                {
                    // Keep draining stdout so Azurite never blocks on a full pipe.
                    _ = _process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                    return;
                }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Azurite did not listen on 127.0.0.1:{Port} within {StartTimeout.TotalSeconds} s.");
        }
        throw new InvalidOperationException(
            $"Azurite exited before listening on 127.0.0.1:{Port}: {(await stderr).Trim()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
