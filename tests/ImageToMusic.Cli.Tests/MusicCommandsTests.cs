using System.Text.Json;

namespace ImageToMusic.Cli.Tests;

/// <summary>`train tracks`, `eval tracks` and `eval match` on the shared labelled data.</summary>
public class MusicCommandsTests
{
    private static string LabelledCatalog => Path.Combine(TestData.DataDir, "catalog", "mood_labelled_686.csv");

    [Fact]
    public void Eval_tracks_reports_cross_validated_accuracy_and_a_confusion_matrix()
    {
        var result = CliRunner.Run("eval", "tracks", "--labels", LabelledCatalog, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("track_mood_accuracy").GetDouble() >= 0.75);
        var matrix = root.GetProperty("confusion").GetProperty("matrix").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetInt32()).ToArray()).ToArray();
        Assert.Equal(686, matrix.Sum(r => r.Sum()));
        var correct = Enumerable.Range(0, 4).Sum(i => matrix[i][i]);
        Assert.Equal(correct / 686.0, root.GetProperty("track_mood_accuracy").GetDouble(), 9);
        Assert.Equal(["Happy", "Sad", "Energetic", "Calm"], root.GetProperty("confusion").GetProperty("rows_human_columns_predicted").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Train_tracks_reproduces_the_committed_model_and_writes_its_card()
    {
        var folder = TestData.NewTempFolder();
        var result = CliRunner.Run("train", "tracks", "--labels", LabelledCatalog, "--models", folder, "--json");

        Assert.Equal(0, result.ExitCode);
        var committed = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestData.Models, "track-moods.json"))).RootElement.GetProperty("version").GetString();
        Assert.Equal(committed, JsonDocument.Parse(result.Stdout).RootElement.GetProperty("version").GetString());
        Assert.Contains("track_mood_accuracy", File.ReadAllText(Path.Combine(folder, "track-mood-card.md")));
    }

    [Fact]
    public void Eval_tracks_names_a_label_file_that_is_missing()
    {
        var result = CliRunner.Run("eval", "tracks", "--labels", "/nonexistent/labels.csv");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/nonexistent/labels.csv", result.Stderr);
    }

    [Emotion6Fact]
    public void Eval_match_scores_the_model_between_random_and_the_ceiling()
    {
        var result = CliRunner.Run("eval", "match", "--data", TestData.Emotion6, "--split", "val", "--catalog", LabelledCatalog,
            "--alignment-catalog", TestData.Catalog("spotify_songs_9961.csv"), "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        double Get(string name) => root.GetProperty(name).GetDouble();
        Assert.Equal(288, root.GetProperty("image_count").GetInt32());
        Assert.InRange(Get("random_agreement_at_5"), 0.2, 0.3);
        Assert.True(Get("mood_agreement_at_5") > 1.4 * Get("random_agreement_at_5"), result.Stdout);
        Assert.True(Get("ceiling_agreement_at_5") > Get("mood_agreement_at_5"), result.Stdout);
        Assert.True(Get("balanced_mood_agreement_at_5") > Get("random_agreement_at_5"), result.Stdout);
        Assert.True(root.TryGetProperty("colour_only_agreement_at_5", out _));

        // On the real catalog the top 5's Spotify valence and energy follow the photos' human valence and arousal:
        // clearly for the model, more so with the true mood fed in, and not at all for random picks.
        var alignment = root.GetProperty("alignment");
        double R(string ranking, string axis) => alignment.GetProperty(ranking).GetProperty(axis).GetDouble();
        Assert.Equal(R("model", "valence_r"), Get("valence_alignment_r"));
        Assert.Equal(R("model", "energy_r"), Get("energy_alignment_r"));
        Assert.True(Get("valence_alignment_r") > 0.4 && Get("energy_alignment_r") > 0.15, result.Stdout);
        Assert.True(R("ceiling", "valence_r") > Get("valence_alignment_r") && R("ceiling", "energy_r") > Get("energy_alignment_r"), result.Stdout);
        Assert.InRange(R("random", "valence_r"), -0.1, 0.1);
        Assert.Equal(0, Get("non_song_share"));                                                // left out by default
        Assert.InRange(Get("catalog_non_song_share"), 0.01, 0.025);
        Assert.InRange(Get("tied_lists_share"), 0, 0.02);
    }
}
