using System.Text.Json;
using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Storage.Sqlite;
using ImageToMusic.Engine.Surveys;
using ImageToMusic.Engine.Vision;

namespace ImageToMusic.Cli.Tests;

public class ReportCommandTests
{
    private static readonly DateTimeOffset June1 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static string NewStorePath() => Path.Combine(TestData.NewTempFolder(), "store.db");

    /// <summary>
    /// rec-1 shows a Happy photo (valence 6, arousal 6) analysed by model m1, rec-2 a Sad one (3, 3) by m2. Ten votes, seven up:
    ///   rec-1 a: up, up, down → rated up;  rec-1 b: down → not;  rec-1 c: up, down → a tie, not up   (discord, 1 June)
    ///   rec-2 a: up → rated up (discord, 2 June);  rec-2 d: up, up, up → rated up (teams, no community, 3 June)
    /// Satisfaction 7/10, precision@5 3/5; discord 4/7 and 2/4, teams 3/3 and 1/1; Happy 3/6 and 1/3, Sad 4/4 and 2/2.
    /// </summary>
    private static async Task<string> StoreWithVotesAsync()
    {
        var path = NewStorePath();
        var database = SqliteDatabase.Open(path);
        var analyses = new SqliteAnalysisStore(database);
        await SaveAsync(analyses, "rec-1", "m1", 6, 6);
        await SaveAsync(analyses, "rec-2", "m2", 3, 3);
        var feedback = new SqliteFeedbackStore(database);
        foreach (var (rec, track, user, vote, platform, day) in new[]
                 {
                     ("rec-1", "a", "u1", Vote.Up, "discord", 0), ("rec-1", "a", "u2", Vote.Up, "discord", 0), ("rec-1", "a", "u3", Vote.Down, "discord", 0),
                     ("rec-1", "b", "u1", Vote.Down, "discord", 0), ("rec-1", "c", "u1", Vote.Up, "discord", 0), ("rec-1", "c", "u2", Vote.Down, "discord", 0),
                     ("rec-2", "a", "u1", Vote.Up, "discord", 1),
                     ("rec-2", "d", "u4", Vote.Up, "teams", 2), ("rec-2", "d", "u5", Vote.Up, "teams", 2), ("rec-2", "d", "u6", Vote.Up, "teams", 2),
                 })
        {
            var at = June1.AddDays(day);
            await feedback.RecordAsync(new FeedbackVote(rec, track, user, vote, platform, platform == "discord" ? "guild-1" : null, at, at));
        }
        return path;
    }

    private static async Task SaveAsync(IAnalysisStore store, string recommendationId, string model, double valence, double arousal)
    {
        var analysisId = "an-" + recommendationId;
        var evidence = new VisualEvidence([new PaletteColour("#808080", "grey", 1)], 0.4, 0.3, 0.1, 0.2, 39, 0.19);
        await store.SaveAsync(
            new AnalysisRecord(analysisId, June1, "photo.jpg", "00", model, valence, arousal, new Dictionary<string, double>(), evidence),
            new RecommendationRecord(recommendationId, analysisId, June1, "top 5", []));
    }

    private static (int, int) Counts(JsonElement share) => (share.GetProperty("successes").GetInt32(), share.GetProperty("n").GetInt32());

    private static Dictionary<string, ((int, int), (int, int))> Groups(JsonElement report, string breakdown) =>
        report.GetProperty(breakdown).EnumerateArray().ToDictionary(g => g.GetProperty("key").GetString()!,
            g => (Counts(g.GetProperty("satisfaction")), Counts(g.GetProperty("precision_at_5"))));

    [Fact]
    public async Task Json_report_has_the_hand_counted_figures_and_breakdowns()
    {
        var result = CliRunner.Run("report", "--json", "--store", await StoreWithVotesAsync());

        Assert.Equal(0, result.ExitCode);
        var report = JsonDocument.Parse(result.Stdout).RootElement;
        var overall = report.GetProperty("overall");
        Assert.Equal((7, 10), Counts(overall.GetProperty("satisfaction")));
        Assert.Equal(0.7, overall.GetProperty("satisfaction").GetProperty("rate").GetDouble());
        Assert.Equal((3, 5), Counts(overall.GetProperty("precision_at_5")));
        // Wilson 95% for 3/5, worked by hand in ProportionTests: [0.230724, 0.882379].
        Assert.Equal(0.230724, overall.GetProperty("precision_at_5").GetProperty("interval_95").GetProperty("low").GetDouble(), 5);
        Assert.Equal(0.78, report.GetProperty("paper").GetProperty("precision_at_5").GetDouble());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("message").ValueKind);
        Assert.Equal(new() { ["discord"] = ((4, 7), (2, 4)), ["teams"] = ((3, 3), (1, 1)) }, Groups(report, "by_platform"));
        Assert.Equal(new() { ["Happy"] = ((3, 6), (1, 3)), ["Sad"] = ((4, 4), (2, 2)) }, Groups(report, "by_mood"));
        Assert.Equal(new() { ["m1"] = ((3, 6), (1, 3)), ["m2"] = ((4, 4), (2, 2)) }, Groups(report, "by_model_version"));
        Assert.Equal(new() { ["(none)"] = ((3, 3), (1, 1)), ["guild-1"] = ((4, 7), (2, 4)) }, Groups(report, "by_community"));
        Assert.Equal(["2025-06-01", "2025-06-02", "2025-06-03"], Groups(report, "by_day").Keys);
    }

    [Fact]
    public async Task Since_keeps_only_votes_cast_from_that_date()
    {
        var result = CliRunner.Run("report", "--json", "--since", "2025-06-02", "--store", await StoreWithVotesAsync());

        var overall = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("overall");
        Assert.Equal((4, 4), Counts(overall.GetProperty("satisfaction")));
        Assert.Equal((2, 2), Counts(overall.GetProperty("precision_at_5")));
    }

    [Fact]
    public async Task Text_report_compares_with_the_paper()
    {
        var result = CliRunner.Run("report", "--store", await StoreWithVotesAsync());

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("10 votes on 5 suggestions", result.Stdout);
        Assert.Contains("  satisfaction         70.0%  [39.7%, 89.2%]        10  paper 72.0%: within our interval", result.Stdout);
        Assert.Contains("  precision@5          60.0%  [23.1%, 88.2%]         5  paper 78.0%: within our interval", result.Stdout);
    }

    [Fact]
    public async Task Html_report_is_one_self_contained_file_with_labelled_charts()
    {
        var file = Path.Combine(TestData.NewTempFolder(), "report.html");

        var result = CliRunner.Run("report", "--html", file, "--store", await StoreWithVotesAsync());

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(file, result.Stdout.Trim());
        var html = File.ReadAllText(file);
        Assert.StartsWith("<!doctype html>\n<html lang=\"en\">", html);
        Assert.Contains("<svg role=\"img\" aria-label=\"Satisfaction: 70.0%, 95% interval [39.7%, 89.2%], paper 72.0%\"", html);
        Assert.Contains("<caption>By mood of the photo</caption>", html);
        foreach (var external in new[] { "src=", "href=", "<script", "url(" }) Assert.DoesNotContain(external, html);
    }

    [Fact]
    public void An_empty_store_says_there_is_no_feedback_yet_with_n_0()
    {
        var store = NewStorePath();

        var text = CliRunner.Run("report", "--store", store);
        var json = CliRunner.Run("report", "--json", "--store", store);

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("no feedback yet (n = 0).", text.Stdout);
        var report = JsonDocument.Parse(json.Stdout).RootElement;
        Assert.Equal("no feedback yet", report.GetProperty("message").GetString());
        var satisfaction = report.GetProperty("overall").GetProperty("satisfaction");
        Assert.Equal(0, satisfaction.GetProperty("n").GetInt32());
        Assert.Equal(JsonValueKind.Null, satisfaction.GetProperty("rate").ValueKind);
        Assert.Equal(JsonValueKind.Null, satisfaction.GetProperty("interval_95").ValueKind);
        Assert.Empty(report.GetProperty("by_day").EnumerateArray());
    }

    [Fact]
    public void Json_and_html_together_are_refused()
    {
        var result = CliRunner.Run("report", "--json", "--html", "x.html", "--store", NewStorePath());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: Give either --json or --html, not both.", result.Stderr);
    }

    /// <summary>Three survey answers: two on the Happy photo (chose Happy, Calm), one on the Sad photo (Sad), one "not sure" that does not count.</summary>
    private static async Task AnswerSurveysAsync(string path)
    {
        var surveys = new SqliteSurveyStore(SqliteDatabase.Open(path));
        await surveys.CreateAsync(new Survey("sv-1", "an-rec-1", "rec-1", "pilot", June1, [1]));
        await surveys.CreateAsync(new Survey("sv-2", "an-rec-2", "rec-2", "pilot", June1, [1]));
        foreach (var (survey, respondent, mood) in new[] { ("sv-1", "r1", "Happy"), ("sv-1", "r2", "Calm"), ("sv-2", "r1", "Sad"), ("sv-2", "r2", (string?)null) })
            await surveys.RecordAsync(new SurveyAnswer(survey, respondent, mood, null, June1, June1));
    }

    [Fact]
    public async Task Survey_answers_give_the_mood_confusion_in_json_and_text()
    {
        var store = await StoreWithVotesAsync();
        await AnswerSurveysAsync(store);

        var json = CliRunner.Run("report", "--json", "--store", store);
        var text = CliRunner.Run("report", "--store", store);

        var confusion = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("mood_confusion");
        Assert.Equal(["Happy", "Sad", "Energetic", "Calm"], confusion.GetProperty("words").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal([[1, 0, 0, 1], [0, 1, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
            confusion.GetProperty("counts").EnumerateArray().Select(r => r.EnumerateArray().Select(n => n.GetInt32()).ToArray()).ToArray());
        Assert.Equal((2, 3), Counts(confusion.GetProperty("agreement")));
        Assert.Contains("Respondents chose the predicted mood in 2 of 3 answers (66.7%", text.Stdout);
        Assert.Matches(@"Happy\s+\*1\s+0\s+0\s+1", text.Stdout);
    }
}
