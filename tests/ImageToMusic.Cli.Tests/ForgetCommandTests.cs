using ImageToMusic.Engine.Feedback;
using ImageToMusic.Storage.Sqlite;
using ImageToMusic.Engine.Surveys;

namespace ImageToMusic.Cli.Tests;

public class ForgetCommandTests
{
    private const string Salt = "a-test-salt-of-enough-length";
    private static readonly DateTimeOffset Noon = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>discord:111 votes in guild-1 and guild-2, discord:222 in guild-1, teams:111 (another person: other platform) in none.</summary>
    private static async Task<string> StoreWithVotesAsync()
    {
        var path = Path.Combine(TestData.NewTempFolder(), "store.db");
        var feedback = new SqliteFeedbackStore(SqliteDatabase.Open(path));
        foreach (var (platform, user, community, track) in new[]
                 {
                     ("discord", "111", "guild-1", "a"), ("discord", "111", "guild-2", "b"), ("discord", "222", "guild-1", "a"), ("teams", "111", (string?)null, "a"),
                 })
            await feedback.RecordAsync(new FeedbackVote("rec-1", track, UserIds.Hash(Salt, platform, user), Vote.Up, platform, community, Noon, Noon));
        return path;
    }

    private static async Task<List<(string Platform, string? Community, string UserHash)>> RemainingAsync(string store) =>
        (await new SqliteFeedbackStore(SqliteDatabase.Open(store)).AllAsync()).Select(v => (v.Platform, v.Community, v.UserHash)).OrderBy(v => v.ToString()).ToList();

    [Fact]
    public async Task Forgetting_a_user_erases_only_their_votes_found_through_the_salt_file_beside_the_store()
    {
        var store = await StoreWithVotesAsync();
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(store)!, "user-salt"), Salt + "\n");

        var result = CliRunner.Run("forget", "--user", "discord:111", "--store", store);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"erased 2 votes and 0 survey answers of user discord:111 from {store}", result.Stdout.Trim());
        Assert.Equal([("discord", "guild-1", UserIds.Hash(Salt, "discord", "222")), ("teams", null, UserIds.Hash(Salt, "teams", "111"))], await RemainingAsync(store));
    }

    [Fact]
    public async Task Forgetting_a_survey_respondent_erases_their_thumbs_and_their_answers_and_keeps_the_survey()
    {
        var store = await StoreWithVotesAsync();
        var respondent = UserIds.Hash(Salt, "survey", "browser-9");
        var surveys = new SqliteSurveyStore(SqliteDatabase.Open(store));
        await surveys.CreateAsync(new Survey("sv-1", "an-1", "rec-1", "pilot", Noon, [1, 2, 3]));
        await surveys.RecordAsync(new SurveyAnswer("sv-1", respondent, "Calm", "lovely", Noon, Noon));
        await surveys.RecordAsync(new SurveyAnswer("sv-1", UserIds.Hash(Salt, "survey", "browser-10"), "Sad", null, Noon, Noon));
        await new SqliteFeedbackStore(SqliteDatabase.Open(store)).RecordAsync(new FeedbackVote("rec-1", "a", respondent, Vote.Down, "survey", "pilot", Noon, Noon));

        var result = CliRunner.RunWith(new Dictionary<string, string> { ["IMAGETOMUSIC_USER_SALT"] = Salt }, "forget", "--user", "survey:browser-9", "--store", store);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"erased 1 vote and 1 survey answer of user survey:browser-9 from {store}", result.Stdout.Trim());
        Assert.Equal("Sad", Assert.Single(await surveys.AnswersAsync()).Mood);
        Assert.DoesNotContain(await RemainingAsync(store), v => v.UserHash == respondent);
        Assert.NotNull(await surveys.FindAsync("sv-1"));
    }

    [Fact]
    public async Task Forgetting_a_community_erases_only_its_votes()
    {
        var store = await StoreWithVotesAsync();

        var result = CliRunner.Run("forget", "--community", "guild-1", "--store", store);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"erased 2 votes of community guild-1 from {store}", result.Stdout.Trim());
        Assert.Equal([("discord", "guild-2", UserIds.Hash(Salt, "discord", "111")), ("teams", null, UserIds.Hash(Salt, "teams", "111"))], await RemainingAsync(store));
    }

    [Fact]
    public async Task The_salt_can_come_from_the_environment()
    {
        var store = await StoreWithVotesAsync();

        var result = CliRunner.RunWith(new Dictionary<string, string> { ["IMAGETOMUSIC_USER_SALT"] = Salt }, "forget", "--user", "teams:111", "--store", store);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(3, (await RemainingAsync(store)).Count);
    }

    [Fact]
    public async Task Without_a_salt_a_user_cannot_be_found_and_nothing_is_erased()
    {
        var store = await StoreWithVotesAsync();

        var result = CliRunner.Run("forget", "--user", "discord:111", "--store", store);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No user salt", result.Stderr);
        Assert.Equal(4, (await RemainingAsync(store)).Count);
    }

    [Fact]
    public async Task Exactly_one_of_community_and_user_is_required()
    {
        var store = await StoreWithVotesAsync();

        var both = CliRunner.Run("forget", "--community", "guild-1", "--user", "discord:111", "--store", store);
        var neither = CliRunner.Run("forget", "--store", store);

        Assert.Equal((1, 1), (both.ExitCode, neither.ExitCode));
        Assert.Contains("Give exactly one of --community ID or --user PLATFORM:ID.", both.Stderr);
        Assert.Contains("Give exactly one of --community ID or --user PLATFORM:ID.", neither.Stderr);
        Assert.Equal(4, (await RemainingAsync(store)).Count);
    }

    [Fact]
    public async Task A_user_without_a_platform_is_refused()
    {
        var result = CliRunner.RunWith(new Dictionary<string, string> { ["IMAGETOMUSIC_USER_SALT"] = Salt }, "forget", "--user", "111", "--store", await StoreWithVotesAsync());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--user '111' is not PLATFORM:ID", result.Stderr);
    }
}
