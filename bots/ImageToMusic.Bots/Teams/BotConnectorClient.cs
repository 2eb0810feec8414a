using System.Net.Http.Headers;
using System.Net.Http.Json;
using ImageToMusic.Engine.Imaging;

namespace ImageToMusic.Bots.Teams;

/// <summary>The Bot Connector REST calls the bot makes: reply to an activity, replace one, and fetch an attachment.</summary>
public sealed class BotConnectorClient(HttpClient http, BotTokenCache tokens)
{
    /// <summary>POST {serviceUrl}/v3/conversations/{id}/activities/{activityId}: a reply in the activity's thread.</summary>
    public Task ReplyAsync(Activity to, OutgoingActivity reply, CancellationToken cancellation) =>
        SendAsync(HttpMethod.Post, ActivityUrl(to, to.Id!), reply, cancellation);

    /// <summary>PUT {serviceUrl}/v3/conversations/{id}/activities/{activityId}: replaces a message the bot sent (a card with new counts).</summary>
    public Task UpdateAsync(Activity context, string activityId, OutgoingActivity replacement, CancellationToken cancellation) =>
        SendAsync(HttpMethod.Put, ActivityUrl(context, activityId), replacement with { Id = activityId }, cancellation);

    /// <summary>
    /// Downloads an attachment, refusing more than <paramref name="maxBytes"/> (as the engine would). The bot's token
    /// goes only to the activity's own service (inline images live there); other URLs (a file's pre-authorised
    /// download URL) get no token, so it never leaks elsewhere.
    /// </summary>
    public async Task<byte[]> DownloadAsync(Activity context, Uri url, long maxBytes, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (Uri.TryCreate(context.ServiceUrl, UriKind.Absolute, out var service) && Uri.Compare(service, url, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellation));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
        if (!response.IsSuccessStatusCode)
            throw new AttachmentUnavailableException($"Downloading the image failed: HTTP {(int)response.StatusCode}.");
        if (response.Content.Headers.ContentLength > maxBytes) throw TooLarge(maxBytes);
        await using var body = await response.Content.ReadAsStreamAsync(cancellation);
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellation)) > 0)
        {
            if (copy.Length + read > maxBytes) throw TooLarge(maxBytes);
            copy.Write(buffer, 0, read);
        }
        return copy.ToArray();
    }

    private static ImageRejectedException TooLarge(long maxBytes) =>
        new(ImageErrorKind.TooLarge, $"The image is larger than {maxBytes / (1024 * 1024)} MB.");

    private async Task SendAsync(HttpMethod method, Uri url, OutgoingActivity activity, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(activity, options: BotJson.Options) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellation));
        using var response = await http.SendAsync(request, cancellation);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"The Bot Connector answered {method} {url.AbsolutePath} with HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellation)}",
                null, response.StatusCode);
    }

    private static Uri ActivityUrl(Activity context, string activityId) =>
        new($"{context.ServiceUrl!.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(context.Conversation!.Id!)}/activities/{Uri.EscapeDataString(activityId)}");
}

/// <summary>An attachment the bot was told about but could not fetch; the user is told so.</summary>
public sealed class AttachmentUnavailableException(string message) : Exception(message);
