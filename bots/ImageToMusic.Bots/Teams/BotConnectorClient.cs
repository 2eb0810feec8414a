using System.Net.Http.Headers;
using System.Net.Http.Json;
using ImageToMusic.Engine.Fetching;
using ImageToMusic.Engine.Imaging;

namespace ImageToMusic.Bots.Teams;

/// <summary>The Bot Connector REST calls the bot makes: reply to an activity, replace one, look up a member's role, and fetch an attachment.</summary>
public sealed class BotConnectorClient(HttpClient http, SafeFetcher fetcher, BotTokenCache tokens)
{
    /// <summary>POST {serviceUrl}/v3/conversations/{id}/activities/{activityId}: a reply in the activity's thread.</summary>
    public Task ReplyAsync(Activity to, OutgoingActivity reply, CancellationToken cancellation) =>
        SendAsync(HttpMethod.Post, ActivityUrl(to, to.Id!), reply, cancellation);

    /// <summary>PUT {serviceUrl}/v3/conversations/{id}/activities/{activityId}: replaces a message the bot sent (a card with new counts).</summary>
    public Task UpdateAsync(Activity context, string activityId, OutgoingActivity replacement, CancellationToken cancellation) =>
        SendAsync(HttpMethod.Put, ActivityUrl(context, activityId), replacement with { Id = activityId }, cancellation);

    /// <summary>
    /// GET {serviceUrl}/v3/conversations/{teamId}/members/{userId}: the member's role in the team ("owner", "user",
    /// "guest", ...), or null when the Bot Connector does not know them there (404) or names no role.
    /// </summary>
    public async Task<string?> MemberRoleAsync(Activity context, string teamId, string userId, CancellationToken cancellation)
    {
        var url = new Uri($"{context.ServiceUrl!.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(teamId)}/members/{Uri.EscapeDataString(userId)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellation));
        using var response = await http.SendAsync(request, cancellation);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        await EnsureSuccessAsync(response, HttpMethod.Get, url, cancellation);
        return (await response.Content.ReadFromJsonAsync<TeamsChannelAccount>(BotJson.Options, cancellation))?.UserRole;
    }

    /// <summary>
    /// Downloads an attachment through the <see cref="SafeFetcher"/>: only from the activity's own service (inline
    /// images live there) or SharePoint/OneDrive (a shared file's pre-authorised download URL), refusing more than
    /// <paramref name="maxBytes"/>. The bot's token goes only to the activity's own service, on every hop.
    /// </summary>
    public async Task<byte[]> DownloadAsync(Activity context, Uri url, long maxBytes, CancellationToken cancellation)
    {
        Uri.TryCreate(context.ServiceUrl, UriKind.Absolute, out var service);
        var policy = new FetchPolicy
        {
            AllowedHosts = service is null ? FileHosts : [service.Host, .. FileHosts],
            // A stand-in Bot Connector on this machine (tests, local runs) may speak http; the real one is https.
            AllowPlainHttp = service is { IsLoopback: true } && service.Scheme == Uri.UriSchemeHttp,
        };
        try
        {
            return (await fetcher.FetchAsync(url.ToString(), policy, maxBytes, cancellation, async (hop, token) =>
                service is not null && Uri.Compare(service, hop, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
                    ? new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(token))
                    : null)).Bytes;
        }
        catch (SourceRefusedException e)
        {
            throw new AttachmentUnavailableException("Teams did not let me download it.", e);
        }
    }

    /// <summary>Where Teams keeps shared files: SharePoint and OneDrive for Business.</summary>
    public static readonly IReadOnlyList<string> FileHosts = ["*.sharepoint.com"];


    private async Task SendAsync(HttpMethod method, Uri url, OutgoingActivity activity, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(activity, options: BotJson.Options) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellation));
        using var response = await http.SendAsync(request, cancellation);
        await EnsureSuccessAsync(response, method, url, cancellation);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, HttpMethod method, Uri url, CancellationToken cancellation)
    {
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"The Bot Connector answered {method} {url.AbsolutePath} with HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellation)}",
                null, response.StatusCode);
    }

    private static Uri ActivityUrl(Activity context, string activityId) =>
        new($"{context.ServiceUrl!.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(context.Conversation!.Id!)}/activities/{Uri.EscapeDataString(activityId)}");
}

/// <summary>An attachment the bot was told about but could not fetch; the user is told so.</summary>
public sealed class AttachmentUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
