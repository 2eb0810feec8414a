using System.Net;
using System.Net.Sockets;

namespace ImageToMusic.Functions.Tests.Support;

/// <summary>A tiny web server on 127.0.0.1 serving one photo, for stories that name photos by URL.</summary>
public sealed class PhotoServer : IAsyncDisposable
{
    private readonly HttpListener listener;
    private readonly Task serving;

    private PhotoServer(HttpListener listener, Task serving, string url)
    {
        this.listener = listener;
        this.serving = serving;
        Url = url;
    }

    public string Url { get; }

    public static Task<PhotoServer> StartAsync(byte[] photo)
    {
        var port = FreePort();
        var listener = new HttpListener { Prefixes = { $"http://127.0.0.1:{port}/" } };
        listener.Start();
        var serving = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                context.Response.ContentType = "image/jpeg";
                await context.Response.OutputStream.WriteAsync(photo);
                context.Response.Close();
            }
        });
        return Task.FromResult(new PhotoServer(listener, serving, $"http://127.0.0.1:{port}/photo.jpg"));
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
