using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ImageToMusic.Bots.Discord;
using ImageToMusic.Bots.Teams;
using ImageToMusic.Bots.Tests.Teams.Support;
using ImageToMusic.Server.Hosting;
using ImageToMusic.Server.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using StandIn = ImageToMusic.DiscordStandIn.DiscordStandIn;

namespace ImageToMusic.Server.Tests;

/// <summary>
/// Every route the app maps, found from its own endpoint table (so a new route is swept without editing this test),
/// is sent malformed requests, with the key and without, and the bot routes also as their platform would send them
/// (signed by Discord's key, with the Bot Connector's token), so the malformed bodies reach their parsers; none may
/// answer 5xx. A client's mistake is a 4xx.
/// </summary>
public sealed class MalformedRequestSweepTests(ITestOutputHelper output)
{
    private const string Boundary = "sweep-boundary";

    private static IEnumerable<(string Name, Func<HttpContent> Body)> MalformedBodies()
    {
        yield return ("no body", () => new ByteArrayContent([]));
        yield return ("empty JSON", () => Json(""));
        yield return ("cut-short JSON", () => Json("{\"images\": [\"https://"));
        yield return ("JSON array", () => Json("[1, 2, 3]"));
        yield return ("JSON string", () => Json("\"hello\""));
        yield return ("JSON null", () => Json("null"));
        yield return ("JSON nested 5,000 deep", () => Json(new string('[', 5000) + new string(']', 5000)));
        yield return ("JSON wrong types", () => Json("{\"images\": 7, \"recommendation_id\": [], \"rating\": {}, \"track_id\": true, \"answers\": \"x\", \"type\": [] }"));
        yield return ("JSON with NUL text", () => Json("{\"images\": [\"\\u0000\"], \"recommendation_id\": \"\\u0000\", \"user\": \"a\\u0000b\", \"track_id\": \"\\u0000\"}"));
        yield return ("JSON 200,000 images", () => Json("{\"images\": [" + string.Join(",", Enumerable.Repeat("\"https://example.invalid/a.jpg\"", 200_000)) + "]}"));
        yield return ("invalid UTF-8", () => new ByteArrayContent([0x7B, 0x22, 0xC3, 0x28, 0xFF, 0xFE, 0x22, 0x7D]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });
        yield return ("text/plain", () => new StringContent("just text", Encoding.UTF8, "text/plain"));
        yield return ("form, urlencoded garbage", () => new StringContent("%%%=&&=%zz", Encoding.UTF8, "application/x-www-form-urlencoded"));
        yield return ("multipart without boundary", () => Raw("multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n"));
        yield return ("multipart with the wrong boundary", () => Raw($"multipart/form-data; boundary={Boundary}", "--other\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--other--\r\n"));
        yield return ("multipart cut short", () => Raw($"multipart/form-data; boundary={Boundary}",
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"images\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n\xFF\xD8\xFF\xE0 cut"));
        yield return ("multipart with 1,100 fields", () => Raw($"multipart/form-data; boundary={Boundary}",
            string.Concat(Enumerable.Range(0, 1100).Select(i => $"--{Boundary}\r\nContent-Disposition: form-data; name=\"f{i}\"\r\n\r\n{i}\r\n")) + $"--{Boundary}--\r\n"));
        yield return ("multipart with NUL in names", () => Raw($"multipart/form-data; boundary={Boundary}",
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"images\0\"; filename=\"a\0.jpg\"\r\nContent-Type: image/jpeg\r\n\r\nnot a jpeg\r\n--{Boundary}--\r\n"));
        yield return ("multipart with a huge header", () => Raw($"multipart/form-data; boundary={Boundary}",
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"images\"; filename=\"{new string('a', 40_000)}.jpg\"\r\n\r\nx\r\n--{Boundary}--\r\n"));
    }

    private static HttpContent Json(string text) => new StringContent(text, Encoding.UTF8, "application/json");

    private static HttpContent Raw(string contentType, string text)
    {
        var content = new ByteArrayContent(Encoding.Latin1.GetBytes(text));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static readonly string[] OddIds = ["x", "%00", "..%2F..%2Fetc%2Fpasswd", new string('a', 5000), "%E2%80%AE%F0%9F%98%80", "a%0D%0Ab"];

    [Fact]
    public async Task No_malformed_request_to_any_route_is_answered_5xx()
    {
        using var discordKey = new InteractionSigner();
        await using var discord = await StandIn.StartAsync();
        await using var connector = await FakeBotConnector.StartAsync();
        await using var app = await RunningApp.StartAsync(
            new ServerOptions
            {
                RequestsPerMinutePerClient = int.MaxValue, WebRequestsPerMinutePerAddress = int.MaxValue,
                Teams = new TeamsOptions(FakeBotConnector.AppId, new CountingCredential(), connector.MetadataUrl),
            },
            extraSettings: new Dictionary<string, string> { [AppSettings.DiscordPublicKey] = discordKey.PublicKeyHex, [AppSettings.DiscordApiBase] = discord.ApiBase });
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };
        var routes = app.AppServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Pattern: e.RoutePattern.RawText!)))
            .Distinct().ToList();
        Assert.True(routes.Count >= 15, $"only {routes.Count} routes found");

        var failures = new List<string>();
        int sent = 0, closedEarly = 0;
        var statuses = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (method, pattern) in routes)
            foreach (var id in OddIds)
            {
                var path = System.Text.RegularExpressions.Regex.Replace(pattern.StartsWith('/') ? pattern : "/" + pattern, @"\{[^}]+\}", id);
                var bodies = method == "POST" ? MalformedBodies() : [("query garbage", () => null!)];
                foreach (var (name, body) in bodies)
                    foreach (var caller in new[] { "with key", "anonymous", "as the platform" })
                    {
                        var platform = pattern.Contains("discord") ? "discord" : pattern.Contains("messages") ? "teams" : null;
                        if (caller == "as the platform" && platform is null) continue;
                        var client = caller == "with key" ? app.Client : anonymous;
                        var target = method == "POST" ? path : path + "?rating=%ZZ&id=%00&page=-1&since=not-a-date&limit=99999999999";
                        using var request = new HttpRequestMessage(new HttpMethod(method), target) { Content = method == "POST" ? body() : null };
                        if (caller == "as the platform" && platform == "discord")
                        {
                            var timestamp = InteractionSigner.TimestampOf(DateTimeOffset.UtcNow);
                            request.Headers.Add(DiscordSignature.SignatureHeader, discordKey.Sign(timestamp, await request.Content!.ReadAsByteArrayAsync()));
                            request.Headers.Add(DiscordSignature.TimestampHeader, timestamp);
                        }
                        else if (caller == "as the platform")
                            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", connector.Token(serviceUrl: connector.ServiceUrl));
                        sent++;
                        HttpResponseMessage response;
                        try
                        {
                            response = await client.SendAsync(request);
                        }
                        catch (HttpRequestException e) when (e.InnerException is IOException)
                        {
                            // Answered (401, 413) and closed before the whole body was sent: refused early, as it should be.
                            closedEarly++;
                            continue;
                        }
                        using var _ = response;
                        var outcome = $"{method} {pattern} {caller}: {(int)response.StatusCode}";
                        statuses[outcome] = statuses.GetValueOrDefault(outcome) + 1;
                        if ((int)response.StatusCode >= 500)
                            failures.Add($"{method} {pattern} [{name}, id {id[..Math.Min(id.Length, 20)]}, {caller}] → {(int)response.StatusCode}: {(await response.Content.ReadAsStringAsync())[..Math.Min(200, (int)(response.Content.Headers.ContentLength ?? 200))]}");
                    }
            }

        output.WriteLine($"{routes.Count} routes, {sent} requests, {closedEarly} refused before the body was sent, {failures.Count} answered 5xx");
        foreach (var (status, count) in statuses) output.WriteLine($"{count,5} × {status}");
        Assert.True(await app.Client.GetAsync("/api/openapi.json") is { StatusCode: HttpStatusCode.OK }, "the app stopped answering");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct().Take(40)));
    }
}
