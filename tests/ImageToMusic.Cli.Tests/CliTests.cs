using System.Text.Json;

namespace ImageToMusic.Cli.Tests;

public class CliTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("analyze", "--help")]
    [InlineData("train", "--help")]
    [InlineData("train", "mood", "--help")]
    [InlineData("train", "tracks", "--help")]
    [InlineData("eval", "--help")]
    [InlineData("eval", "mood", "--help")]
    [InlineData("eval", "tracks", "--help")]
    [InlineData("eval", "match", "--help")]
    [InlineData("eval", "personalisation", "--help")]
    [InlineData("bench", "--help")]
    [InlineData("bench", "mood", "--help")]
    [InlineData("bench", "match", "--help")]
    [InlineData("bench", "api", "--help")]
    [InlineData("bench", "discord", "--help")]
    [InlineData("bench", "robustness", "--help")]
    [InlineData("discord", "--help")]
    [InlineData("discord", "register", "--help")]
    [InlineData("suggest", "--help")]
    [InlineData("serve", "--help")]
    [InlineData("catalog", "--help")]
    [InlineData("catalog", "import", "--help")]
    [InlineData("catalog", "stats", "--help")]
    public void Every_command_has_help(params string[] args)
    {
        var result = CliRunner.Run(args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Stdout);
        Assert.Contains("Description:", result.Stdout);
    }

    [Fact]
    public void An_unknown_command_fails_with_a_usage_error()
    {
        var result = CliRunner.Run("paint", "x.jpg");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("paint", result.Stderr);
    }

    [Emotion6Fact]
    public void Analyze_prints_the_mood_as_json()
    {
        var photo = Path.Combine(TestData.Emotion6, "images", "joy", "1.jpg");

        var result = CliRunner.Run("analyze", photo, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var mood = json.RootElement.GetProperty("mood");
        Assert.InRange(mood.GetProperty("valence").GetDouble(), 1, 9);
        Assert.InRange(mood.GetProperty("arousal").GetDouble(), 1, 9);
        var emotions = mood.GetProperty("emotions").EnumerateObject().ToList();
        Assert.Equal(7, emotions.Count);
        Assert.Equal(1.0, emotions.Sum(e => e.Value.GetDouble()), 2);
        Assert.InRange(mood.GetProperty("palette").GetArrayLength(), 1, 5);
        Assert.Equal("jpeg", mood.GetProperty("source").GetProperty("format").GetString());
        Assert.StartsWith("mood-e6-", json.RootElement.GetProperty("model_version").GetString());
    }

    [Emotion6Fact]
    public void Bench_robustness_damages_photos_every_way_and_names_each_outcome()
    {
        var result = CliRunner.Run("bench", "robustness", "--images", Path.Combine(TestData.Emotion6, "images"), "--photos", "2", "--json");

        Assert.Equal(0, result.ExitCode);
        var report = JsonDocument.Parse(result.Stdout).RootElement;
        var byKind = report.GetProperty("by_kind").EnumerateObject().ToDictionary(k => k.Name, k => k.Value);
        Assert.Equal(0, report.GetProperty("crashes").GetInt32());
        Assert.Equal(2 * 21 + 8, report.GetProperty("files").GetInt32());
        // What the decoder makes of them, kind by kind: refused from the header, cut off, or decoded.
        Assert.Equal(2, byKind["reencoded_webp"].GetProperty("ok").GetInt32());
        Assert.Equal(2, byKind["truncated_50pct"].GetProperty("corrupt").GetInt32());
        Assert.Equal(2, byKind["declared_65500x65500"].GetProperty("too_large").GetInt32());
        Assert.Equal(1, byKind["bomb_tiff_1000000x1_untabled_tiles"].GetProperty("corrupt").GetInt32());
        Assert.Equal(1, byKind["bomb_tiff_1000000x16_in_16px_tiles"].GetProperty("too_large").GetInt32());
        Assert.True(report.GetProperty("rss_mb").GetProperty("end").GetDouble() > 0);
    }

    [Emotion6Fact]
    public void A_damaged_photo_is_one_clear_error_without_libvips_warnings_on_stderr()
    {
        var whole = File.ReadAllBytes(Path.Combine(TestData.Emotion6, "images", "joy", "1.jpg"));
        var cut = Path.Combine(TestData.NewTempFolder(), "cut.jpg");
        File.WriteAllBytes(cut, whole[..(whole.Length / 2)]);

        var result = CliRunner.Run("analyze", cut);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("corrupt: This JPEG file is damaged or incomplete", result.Stderr);
        Assert.DoesNotContain("VIPS-WARNING", result.Stderr);
    }

    [Emotion6Fact]
    public void Analyze_keeps_going_past_a_bad_image_and_exits_non_zero()
    {
        var folder = TestData.NewTempFolder();
        var notAnImage = Path.Combine(folder, "notes.jpg");
        File.WriteAllText(notAnImage, "this is a shopping list, not a photo");
        var photo = Path.Combine(TestData.Emotion6, "images", "fear", "1.jpg");

        var result = CliRunner.Run("analyze", notAnImage, photo, Path.Combine(folder, "missing.png"), "--json");

        Assert.Equal(1, result.ExitCode);
        var results = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal("unsupported_format", results[0].GetProperty("error").GetProperty("code").GetString());
        Assert.True(results[1].TryGetProperty("mood", out _));
        Assert.Equal("not_found", results[2].GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public void Analyze_in_text_mode_names_the_typed_error_on_stderr()
    {
        var empty = Path.Combine(TestData.NewTempFolder(), "empty.png");
        File.WriteAllBytes(empty, []);

        var result = CliRunner.Run("analyze", empty);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error:", result.Stderr);
        Assert.Contains("empty", result.Stderr);
    }

    [Fact]
    public void A_missing_model_folder_is_explained()
    {
        var result = CliRunner.Run("analyze", "x.jpg", "--models", TestData.NewTempFolder());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Mood model not found", result.Stderr);
        Assert.Contains("train mood", result.Stderr);
    }

    [Emotion6Fact]
    public void Eval_mood_scores_a_small_labelled_csv_against_the_colour_only_baseline()
    {
        var folder = TestData.NewTempFolder();
        var csv = Path.Combine(folder, "labels.csv");
        // Twelve Emotion6 test photos with their human valence/arousal, in the generic CSV format.
        var split = File.ReadLines(Path.Combine(TestData.Emotion6, "split.csv")).Skip(1)
            .Select(l => l.Split(',')).Where(c => c[1] == "test").Select(c => c[0]).ToHashSet();
        var rows = File.ReadLines(Path.Combine(TestData.Emotion6, "ground_truth.txt")).Skip(1)
            .Select(l => l.Split('\t')).Where(c => split.Contains(c[0])).Take(12).ToList();
        File.WriteAllLines(csv, ["image,valence,arousal", .. rows.Select(c => $"{c[0]},{c[1]},{c[2]}")]);

        var result = CliRunner.Run("eval", "mood", "--labels", csv, "--images", Path.Combine(TestData.Emotion6, "images"), "--json");

        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(12, json.GetProperty("n").GetInt32());
        foreach (var key in new[] { "valence_r", "arousal_r", "valence_mae", "arousal_mae" })
        {
            Assert.InRange(json.GetProperty(key).GetDouble(), -1, 9);
            Assert.InRange(json.GetProperty("colour_only").GetProperty(key).GetDouble(), -1, 9);
        }
        Assert.Equal(JsonValueKind.Null, json.GetProperty("emotion_top1_accuracy").ValueKind); // a CSV has no keywords
        Assert.Equal(JsonValueKind.Number, json.GetProperty("valence_sign_accuracy").ValueKind);
        Assert.Equal(0, json.GetProperty("failed").GetArrayLength());
    }

    [Fact]
    public void Eval_mood_without_labels_says_what_to_give()
    {
        var result = CliRunner.Run("eval", "mood", "--labels", Path.Combine(TestData.NewTempFolder(), "none.csv"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("none.csv", result.Stderr);
    }
}
