using System.Net;
using System.Net.Http.Json;
using ImageToMusic.Server.Endpoints;
using ImageToMusic.Server.Tests.Support;

namespace ImageToMusic.Server.Tests;

/// <summary>GET /api/feedback.csv: every vote, RFC 4180, behind the key.</summary>
public sealed class FeedbackCsvTests : AppWithARecommendation
{
    [Emotion6Fact]
    public async Task The_export_needs_the_key()
    {
        using var anonymous = new HttpClient { BaseAddress = App.BaseAddress };

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/feedback.csv")).StatusCode);
    }

    [Emotion6Fact]
    public async Task Every_vote_is_a_row_with_its_model_and_mood_and_awkward_fields_are_quoted()
    {
        var awkward = "guild \"north\", line\nbreak";
        (await App.Client.PostAsJsonAsync("/api/feedback", new
        {
            recommendation_id = Recommendation.Id, track_id = Recommendation.Tracks[0].TrackId, vote = "up", platform = "discord", community = awkward, user = "alice",
        })).EnsureSuccessStatusCode();
        (await App.Client.PostAsJsonAsync("/api/feedback", new
        {
            recommendation_id = Recommendation.Id, track_id = Recommendation.Tracks[1].TrackId, vote = "down", platform = "web", user = "bob",
        })).EnsureSuccessStatusCode();

        var response = await App.Client.GetAsync("/api/feedback.csv");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(string.Join(",", FeedbackCsvEndpoint.Columns) + "\r\n", csv);
        Assert.Contains(",\"guild \"\"north\"\", line\nbreak\",", csv);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length); // the header, and two votes (the quoted line break is not a record break)
        var bob = lines.Single(l => l.Contains(",down,web,,", StringComparison.Ordinal));
        Assert.DoesNotContain("bob", bob); // only the salted hash
        var analysis = (await App.Analyses.FindAnalysisAsync(Recommendation.AnalysisId))!;
        Assert.EndsWith($",{analysis.ModelVersion},{ImageToMusic.Engine.Music.MusicMoods.All[ImageToMusic.Engine.Music.MusicMoods.QuadrantOf(analysis.Valence, analysis.Arousal)]}", bob);
    }

    [Emotion6Fact]
    public async Task Cells_a_spreadsheet_would_run_as_formulas_are_written_inert()
    {
        string[] formulas = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"];
        foreach (var (community, user) in formulas.Select((f, i) => (f, $"u{i}")))
            (await App.Client.PostAsJsonAsync("/api/feedback", new
            {
                recommendation_id = Recommendation.Id, track_id = Recommendation.Tracks[0].TrackId, vote = "up", platform = "web", community, user,
            })).EnsureSuccessStatusCode();

        var csv = await App.Client.GetStringAsync("/api/feedback.csv");

        // Read the file back as a spreadsheet would, cell by cell (RFC 4180 quoting), and look for a live formula.
        var cells = RfcCells(csv).ToList();
        Assert.All(formulas, f => Assert.Contains("'" + f, cells));
        Assert.DoesNotContain(cells, c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@' or '\t' or '\r');
    }

    private static IEnumerable<string> RfcCells(string csv)
    {
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',' || (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n'))
            {
                yield return cell.ToString();
                cell.Clear();
                if (c == '\r') i++;
            }
            else cell.Append(c);
        }
        if (cell.Length > 0) yield return cell.ToString();
    }
}
