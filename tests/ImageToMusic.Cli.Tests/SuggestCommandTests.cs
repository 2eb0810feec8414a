using System.Text.Json;
using ImageToMusic.Storage.Sqlite;

namespace ImageToMusic.Cli.Tests;

/// <summary>A store holding the top-hits (genres, explicit flags) and mood-labelled catalogs, imported once for the class.</summary>
public sealed class ImportedStore
{
    public ImportedStore()
    {
        Path = System.IO.Path.Combine(TestData.NewTempFolder(), "store.db");
        var result = CliRunner.Run("catalog", "import", "--store", Path,
            System.IO.Path.Combine(TestData.DataDir, "catalog", "top_hits_genre_1821.csv"),
            System.IO.Path.Combine(TestData.DataDir, "catalog", "mood_labelled_686.csv"));
        if (result.ExitCode != 0) throw new InvalidOperationException($"import failed: {result.Stderr}");
    }

    public string Path { get; }
}

public class SuggestCommandTests(ImportedStore store) : IClassFixture<ImportedStore>
{
    private static string Photo(string name) => Path.Combine(TestData.Emotion6Images, name);

    private JsonElement SuggestJson(params string[] args)
    {
        var result = CliRunner.Run(["suggest", "--store", store.Path, "--json", .. args]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement;
    }

    private static List<JsonElement> Tracks(JsonElement outcome) => [.. outcome.GetProperty("tracks").EnumerateArray()];

    [Emotion6Fact]
    public async Task Prints_the_mood_and_five_tracks_from_different_artists_with_reasons_and_records_them()
    {
        var outcome = SuggestJson(Photo("joy/1.jpg"));

        var mood = outcome.GetProperty("mood");
        Assert.InRange(mood.GetProperty("valence").GetDouble(), 1, 9);
        Assert.InRange(mood.GetProperty("arousal").GetDouble(), 1, 9);
        Assert.Equal(7, mood.GetProperty("emotions").EnumerateObject().Count());
        Assert.NotEmpty(mood.GetProperty("palette").EnumerateArray());
        var tracks = Tracks(outcome);
        Assert.Equal(5, tracks.Count);
        Assert.Equal(5, tracks.Select(t => t.GetProperty("artist").GetString()!.ToLowerInvariant()).Distinct().Count());
        var scores = tracks.Select(t => t.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.All(tracks, t => Assert.Contains(" → ", t.GetProperty("reason").GetString()));

        var database = SqliteDatabase.Open(store.Path);
        var recommendation = await new SqliteAnalysisStore(database).FindRecommendationAsync(outcome.GetProperty("recommendation_id").GetString()!);
        Assert.NotNull(recommendation);
        Assert.Equal(outcome.GetProperty("analysis_id").GetString(), recommendation.AnalysisId);
        Assert.Equal(tracks.Select(t => t.GetProperty("id").GetString()), recommendation.Tracks.Select(t => t.TrackId));
        var analysis = (await new SqliteAnalysisStore(database).FindAnalysisAsync(recommendation.AnalysisId))!;
        Assert.Equal(Photo("joy/1.jpg"), analysis.Source);
        Assert.Equal(mood.GetProperty("valence").GetDouble(), analysis.Valence, 3);
    }

    [Emotion6Fact]
    public void The_same_photo_gets_the_same_tracks_under_new_ids()
    {
        var first = SuggestJson(Photo("sadness/5.jpg"));
        var second = SuggestJson(Photo("sadness/5.jpg"));

        Assert.Equal(Tracks(first).Select(t => t.GetProperty("id").GetString()), Tracks(second).Select(t => t.GetProperty("id").GetString()));
        Assert.NotEqual(first.GetProperty("analysis_id").GetString(), second.GetProperty("analysis_id").GetString());
    }

    [Emotion6Fact]
    public void Top_and_filters_shape_the_list()
    {
        var three = Tracks(SuggestJson(Photo("joy/2.jpg"), "--top", "3"));
        var pop = Tracks(SuggestJson(Photo("joy/2.jpg"), "--genre", "pop"));
        var clean = Tracks(SuggestJson(Photo("anger/2.jpg"), "--top", "20", "--no-explicit"));
        var midTempo = Tracks(SuggestJson(Photo("joy/2.jpg"), "--min-tempo", "100", "--max-tempo", "110"));

        Assert.Equal(3, three.Count);
        Assert.Equal(5, pop.Count);
        Assert.All(pop, t => Assert.Contains("pop", t.GetProperty("genres").EnumerateArray().Select(g => g.GetString())));
        Assert.Equal(20, clean.Count);
        Assert.All(clean, t => Assert.NotEqual(JsonValueKind.True, t.GetProperty("explicit").ValueKind));
        Assert.All(midTempo, t => Assert.InRange(t.GetProperty("tempo_bpm").GetDouble(), 100, 110));
    }

    [Emotion6Fact]
    public void Several_photos_give_one_result_each_and_a_bad_one_gets_its_typed_error_and_exit_1()
    {
        var notAnImage = TestData.WriteTempFile("notes.jpg", "just text");

        var result = CliRunner.Run("suggest", "--store", store.Path, "--json", Photo("fear/3.jpg"), notAnImage);

        Assert.Equal(1, result.ExitCode);
        var results = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(5, Tracks(results[0]).Count);
        Assert.Equal("unsupported_format", results[1].GetProperty("error").GetProperty("code").GetString());
    }

    [Emotion6Fact]
    public void Text_output_lists_ranked_tracks_with_reasons_and_the_ids()
    {
        var result = CliRunner.Run("suggest", "--store", store.Path, Photo("joy/1.jpg"));

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"(?m)^  1\. .+ — .+, fit \d{1,3}\.\d%$", result.Stdout);
        Assert.Matches(@"(?m)^     .+ → .+$", result.Stdout);
        Assert.Matches(@"(?m)^  ids       analysis an-[0-9a-f]{32}, recommendation rec-[0-9a-f]{32}$", result.Stdout);
    }

    [Fact]
    public void With_no_catalog_it_says_how_to_import_one()
    {
        var empty = Path.Combine(TestData.NewTempFolder(), "empty.db");

        var result = CliRunner.Run("suggest", "--store", empty, Photo("joy/1.jpg"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is empty", result.Stderr);
        Assert.Contains($"./imagetomusic catalog import ../shared/data/catalog/spotify_songs_9961.csv --store {empty}", result.Stderr);
    }

    [Theory]
    [InlineData("--top", "0")]
    [InlineData("--min-tempo", "130", "--max-tempo", "90")]
    public void Impossible_options_are_refused_before_any_work(params string[] options)
    {
        var result = CliRunner.Run(["suggest", "--store", store.Path, Photo("joy/1.jpg"), .. options]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: ", result.Stderr);
    }

    [Emotion6Fact]
    public void Imagetomusic_home_is_where_the_store_lives_when_no_store_is_given()
    {
        var home = TestData.NewTempFolder();
        var environment = new Dictionary<string, string> { ["IMAGETOMUSIC_HOME"] = home };

        var import = CliRunner.RunWith(environment, "catalog", "import", Path.Combine(TestData.DataDir, "catalog", "mood_labelled_686.csv"));
        var suggest = CliRunner.RunWith(environment, "suggest", Photo("joy/1.jpg"), "--json");

        Assert.Equal(0, import.ExitCode);
        Assert.True(suggest.ExitCode == 0, suggest.Stderr);
        Assert.True(File.Exists(Path.Combine(home, "imagetomusic.db")));
        Assert.Equal(5, Tracks(JsonDocument.Parse(suggest.Stdout).RootElement).Count);
    }
}
