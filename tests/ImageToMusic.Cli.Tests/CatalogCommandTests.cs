using System.Text.Json;

namespace ImageToMusic.Cli.Tests;

public class CatalogCommandTests
{
    private static string Shared(string file) => Path.Combine(TestData.DataDir, "catalog", file);

    private static string NewStore() => Path.Combine(TestData.NewTempFolder(), "store.db");

    [Fact]
    public void Import_prints_a_summary_with_the_first_problems_and_exits_0_despite_rejected_rows()
    {
        var store = NewStore();
        var file = Shared("spotify_songs_9961.csv");

        var result = CliRunner.Run("catalog", "import", file, "--store", store);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"{file}: read 9961 rows: 9338 imported, 0 updated, 0 unchanged, 611 duplicates merged, 12 rejected", lines[0]);
        Assert.Equal("  line 6920: missing title; missing artist; release_date '0000' has a year outside 1900…2100", lines[1]);
        Assert.Equal($"store {store}: 9338 tracks", lines[^1]);
    }

    [Fact]
    public void Import_lists_only_20_problems_as_text_and_all_of_them_as_json()
    {
        var header = "title,artist,valence,energy,danceability,acousticness,instrumentalness,speechiness,liveness,tempo,loudness";
        var rows = Enumerable.Range(1, 25).Select(i => $"Song {i},Artist,2,0.5,0.5,0.5,0.5,0.5,0.5,120,-5");
        var file = TestData.WriteTempFile("bad.csv", string.Join('\n', [header, .. rows, "Fine,Artist,0.5,0.5,0.5,0.5,0.5,0.5,0.5,120,-5"]));

        var text = CliRunner.Run("catalog", "import", file, "--store", NewStore());
        var json = CliRunner.Run("catalog", "import", file, "--store", NewStore(), "--json");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("  line 21: valence 2 is outside [0, 1]", text.Stdout);
        Assert.DoesNotContain("line 22:", text.Stdout);
        Assert.Contains("  … and 5 more (--json lists all)", text.Stdout);
        var report = JsonDocument.Parse(json.Stdout).RootElement;
        Assert.Equal(1, report.GetProperty("tracks_in_store").GetInt32());
        var summary = Assert.Single(report.GetProperty("files").EnumerateArray());
        Assert.Equal((26, 1, 25), (summary.GetProperty("read").GetInt32(), summary.GetProperty("imported").GetInt32(), summary.GetProperty("rejected").GetInt32()));
        var problems = summary.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal(25, problems.Count);
        Assert.Equal(26, problems[^1].GetProperty("line").GetInt32());
    }

    [Fact]
    public void Import_keeps_going_past_an_unreadable_file_and_exits_1()
    {
        var store = NewStore();
        var empty = TestData.WriteTempFile("empty.csv", "");

        var result = CliRunner.Run("catalog", "import", empty, Shared("mood_labelled_686.csv"), "--store", store, "--json");

        Assert.Equal(1, result.ExitCode);
        var files = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal("empty.csv: the file is empty.", files[0].GetProperty("error").GetString());
        Assert.Equal(686, files[1].GetProperty("imported").GetInt32());
    }

    [Fact]
    public void Import_in_text_mode_reports_an_unreadable_file_on_stderr()
    {
        var result = CliRunner.Run("catalog", "import", Path.Combine(TestData.NewTempFolder(), "missing.csv"), "--store", NewStore());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: Catalog file not found:", result.Stderr);
    }

    [Fact]
    public void A_store_that_is_not_a_database_is_a_one_line_error()
    {
        var notADatabase = TestData.WriteTempFile("notes.db", "not a database " + new string('x', 200));

        var result = CliRunner.Run("catalog", "stats", "--store", notADatabase);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: {notADatabase} is not an SQLite database, so not an ImageToMusic store.", result.Stderr.Trim());
    }

    [Fact]
    public void Stats_summarise_the_store_in_text_and_json()
    {
        var store = NewStore();
        CliRunner.Run("catalog", "import", Shared("top_hits_genre_1821.csv"), "--store", store);

        var text = CliRunner.Run("catalog", "stats", "--store", store);
        var json = CliRunner.Run("catalog", "stats", "--store", store, "--json");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("tracks    1753 by", text.Stdout);
        Assert.Matches(@"genres    pop \d+, ", text.Stdout);
        Assert.Matches(@"valence\s+1753\s+0\.0381\s+[\d.]+\s+0\.973", text.Stdout);
        var stats = JsonDocument.Parse(json.Stdout).RootElement;
        Assert.Equal(store, stats.GetProperty("store").GetString());
        Assert.Equal(1753, stats.GetProperty("tracks").GetInt32());
        Assert.Equal(1753 - 18, stats.GetProperty("with_genre").GetInt32()); // 18 rows say "set()": no genre
        Assert.Equal("pop", stats.GetProperty("top_genres")[0].GetProperty("genre").GetString());
        var tempo = stats.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("feature").GetString() == "tempo");
        Assert.Equal(60.019, tempo.GetProperty("min").GetDouble());
    }

    [Fact]
    public void Without_store_the_database_lives_in_imagetomusic_home()
    {
        var home = TestData.NewTempFolder();
        var environment = new Dictionary<string, string> { ["IMAGETOMUSIC_HOME"] = home };

        var result = CliRunner.RunWith(environment, "catalog", "import", Shared("mood_labelled_686.csv"));

        Assert.Equal(0, result.ExitCode);
        var database = Path.Combine(home, "imagetomusic.db");
        Assert.True(File.Exists(database));
        Assert.EndsWith($"store {database}: 686 tracks", result.Stdout.Trim());
    }
}
