using System.Net;
using System.Net.Sockets;

namespace ImageToMusic.Server.Tests.Support;

/// <summary>
/// A tiny web server on 127.0.0.1 serving one photo, for stories that name photos by URL; it can answer the first
/// requests with 503 (a server briefly overloaded) and counts every request it gets.
/// </summary>
public sealed class PhotoServer : IAsyncDisposable
{
    private readonly HttpListener listener;
    private readonly byte[] photo;
    private readonly int unavailableFirst;
    private Task serving = Task.CompletedTask;
    private int requests;

    private PhotoServer(byte[] photo, int unavailableFirst)
    {
        var port = FreePort();
        listener = new HttpListener { Prefixes = { $"http://127.0.0.1:{port}/" } };
        Url = $"http://127.0.0.1:{port}/photo.jpg";
        this.photo = photo;
        this.unavailableFirst = unavailableFirst;
    }

    public string Url { get; }

    /// <summary>Requests received so far.</summary>
    public int Requests => Volatile.Read(ref requests);

    public static Task<PhotoServer> StartAsync(byte[] photo, int unavailableFirst = 0)
    {
        var server = new PhotoServer(photo, unavailableFirst);
        server.listener.Start();
        server.serving = Task.Run(server.ServeAsync);
        return Task.FromResult(server);
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            if (Interlocked.Increment(ref requests) <= unavailableFirst)
                context.Response.StatusCode = (int)HttpStatusCode.ServiceUnavailable;
            else
            {
                context.Response.ContentType = "image/jpeg";
                await context.Response.OutputStream.WriteAsync(photo);
            }
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await serving;
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
