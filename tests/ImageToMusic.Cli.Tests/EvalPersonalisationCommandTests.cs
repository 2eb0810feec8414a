using System.Text.Json;

namespace ImageToMusic.Cli.Tests;

/// <summary>`eval personalisation` on the shared catalog and Emotion6 val photos, with small settings.</summary>
public class EvalPersonalisationCommandTests
{
    [Emotion6Fact]
    public void Reports_every_round_for_every_community_and_starts_unpersonalised()
    {
        var result = CliRunner.Run("eval", "personalisation", "--data", TestData.Emotion6,
            "--catalog", Path.Combine(TestData.DataDir, "catalog", "top_hits_genre_1821.csv"),
            "--rounds", "3", "--communities", "2", "--photos", "4", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(288, root.GetProperty("image_count").GetInt32());
        Assert.Equal(4, root.GetProperty("photos_per_round").GetInt32());
        Assert.Equal(2, root.GetProperty("communities").GetArrayLength());
        var rounds = root.GetProperty("rounds").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], rounds.Select(r => r.GetProperty("round").GetInt32()));
        foreach (var round in rounds)
        {
            Assert.Equal(2, round.GetProperty("per_community").EnumerateObject().Count());
            Assert.InRange(round.GetProperty("personalised_precision_at_5").GetDouble(), 0, 1);
            Assert.InRange(round.GetProperty("unpersonalised_precision_at_5").GetDouble(), 0, 1);
        }
        // Nothing has been learnt before the first votes, so round 1 is the global ranking.
        Assert.Equal(rounds[0].GetProperty("unpersonalised_precision_at_5").GetDouble(), rounds[0].GetProperty("personalised_precision_at_5").GetDouble());
    }

    [Fact]
    public void Refuses_more_communities_than_it_has_tastes_for()
    {
        var result = CliRunner.Run("eval", "personalisation", "--data", TestData.Emotion6,
            "--catalog", Path.Combine(TestData.DataDir, "catalog", "top_hits_genre_1821.csv"), "--communities", "9");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--communities", result.Stderr);
    }
}
