using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Server.Uploads;

namespace ImageToMusic.Cli.Tests;

/// <summary>`serve` as a user runs it: a real process on 127.0.0.1 watching its uploads folder.</summary>
public class ServeCommandTests
{
    [Emotion6Fact]
    public async Task A_photo_dropped_in_the_uploads_folder_gets_an_analysis_the_api_returns()
    {
        var folder = TestData.NewTempFolder();
        var store = Path.Combine(folder, "store.db");
        Assert.Equal(0, CliRunner.Run("catalog", "import", TestData.Catalog("mood_labelled_686.csv"), "--store", store).ExitCode);
        var port = FreePort();
        using var server = Start("serve", "--port", port.ToString(), "--store", store, "--poll-seconds", "0.2");
        try
        {
            await WaitForLine(server, "ImageToMusic API on");
            var photo = Path.Combine(folder, "uploads", "party.jpg");
            File.Copy(Path.Combine(TestData.Emotion6Images, "joy", "9.jpg"), photo);
            var id = RecordIds.AnalysisIdFor("uploads/party.jpg", LocalFolderUploads.ETagOf(new FileInfo(photo)));

            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            client.DefaultRequestHeaders.Add("x-functions-key", "serve-test-key");
            var analysis = await PollUntilFound(client, $"/api/analyses/{id}");

            Assert.Equal("ok", analysis.GetProperty("status").GetString());
            Assert.Equal(5, analysis.GetProperty("recommendations")[0].GetProperty("tracks").GetArrayLength());
            Assert.True(File.Exists(Path.Combine(folder, "user-salt")));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
        }
    }

    [Emotion6Fact]
    public async Task With_azure_local_a_blob_uploaded_to_azurite_gets_an_analysis_stored_in_cosmos()
    {
        var store = Path.Combine(TestData.NewTempFolder(), "store.db");
        Assert.Equal(0, CliRunner.Run("catalog", "import", TestData.Catalog("mood_labelled_686.csv"), "--store", store).ExitCode);
        var port = FreePort();
        using var server = Start("serve", "--azure-local", "--port", port.ToString(), "--store", store, "--poll-seconds", "0.2");
        try
        {
            var banner = await ReadUntil(server, "  uploads   ");
            Assert.Contains("stores: Cosmos server http://127.0.0.1:", banner);
            var connection = banner[(banner.IndexOf("Azurite: ", StringComparison.Ordinal) + "Azurite: ".Length)..].Split('\n')[0].Trim();
            var etag = await new ImageToMusic.Azure.Blobs.UploadsContainer(connection, "uploads")
                .UploadAsync("holiday.jpg", File.ReadAllBytes(Path.Combine(TestData.Emotion6Images, "joy", "10.jpg")), "image/jpeg");
            var id = RecordIds.AnalysisIdFor("uploads/holiday.jpg", etag);

            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            client.DefaultRequestHeaders.Add("x-functions-key", "serve-test-key");
            var analysis = await PollUntilFound(client, $"/api/analyses/{id}");

            Assert.Equal("ok", analysis.GetProperty("status").GetString());
            Assert.Null(await new ImageToMusic.Storage.Sqlite.SqliteAnalysisStore(ImageToMusic.Storage.Sqlite.SqliteDatabase.Open(store)).FindAnalysisAsync(id));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public void Serve_with_an_empty_catalog_says_how_to_import_one()
    {
        var store = Path.Combine(TestData.NewTempFolder(), "store.db");

        var result = CliRunner.Run("serve", "--store", store, "--port", FreePort().ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("catalog import", result.Stderr);
    }

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "imagetomusic.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["IMAGETOMUSIC_MODELS"] = TestData.Models;
        info.Environment["IMAGETOMUSIC_API_KEY"] = "serve-test-key";
        return Process.Start(info)!;
    }

    private static Task WaitForLine(Process process, string start) => ReadUntil(process, start);

    /// <summary>Standard output up to and including the first line that starts with <paramref name="start"/>.</summary>
    private static async Task<string> ReadUntil(Process process, string start)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var seen = new System.Text.StringBuilder();
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.AppendLine(line);
            if (line.StartsWith(start, StringComparison.Ordinal)) return seen.ToString();
        }
        throw new InvalidOperationException($"serve ended before printing '{start}': {await process.StandardError.ReadToEndAsync()}");
    }

    private static async Task<JsonElement> PollUntilFound(HttpClient client, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var response = await client.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.OK) return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            await Task.Delay(200);
        }
        throw new TimeoutException($"{path} did not appear within 60 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
