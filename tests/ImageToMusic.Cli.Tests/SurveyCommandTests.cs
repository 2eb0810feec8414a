using System.Text.Json;
using ImageToMusic.Storage.Sqlite;

namespace ImageToMusic.Cli.Tests;

public class SurveyCommandTests(ImportedStore store) : IClassFixture<ImportedStore>
{
    /// <summary>A folder as a study would hand it over: two photos, a damaged one, and a file that is no photo at all.</summary>
    private static string StudyFolder()
    {
        var folder = TestData.NewTempFolder();
        File.Copy(Path.Combine(TestData.Emotion6Images, "joy/6.jpg"), Path.Combine(folder, "a-joy.jpg"));
        Directory.CreateDirectory(Path.Combine(folder, "more"));
        File.Copy(Path.Combine(TestData.Emotion6Images, "fear/4.jpg"), Path.Combine(folder, "more", "b-fear.JPG"));
        File.WriteAllBytes(Path.Combine(folder, "c-broken.jpg"), File.ReadAllBytes(Path.Combine(TestData.Emotion6Images, "joy/7.jpg"))[..500]);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a photo");
        return folder;
    }

    [Emotion6Fact]
    public async Task A_folder_becomes_one_survey_link_per_photo_with_the_damaged_photo_reported_and_the_rest_made()
    {
        var folder = StudyFolder();

        var result = CliRunner.Run("survey", "create", folder, "--batch", "pilot", "--base-url", "https://music.example.org/", "--store", store.Path, "--json");

        Assert.Equal(1, result.ExitCode);
        var surveys = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("surveys").EnumerateArray().ToList();
        Assert.Equal(["a-joy.jpg", "c-broken.jpg", "b-fear.JPG"], surveys.Select(s => Path.GetFileName(s.GetProperty("photo").GetString())));
        Assert.Equal("corrupt", surveys[1].GetProperty("error").GetProperty("code").GetString());
        var stored = new SqliteSurveyStore(SqliteDatabase.Open(store.Path));
        foreach (var made in new[] { surveys[0], surveys[2] })
        {
            var id = made.GetProperty("survey_id").GetString()!;
            Assert.Equal($"https://music.example.org/survey/{id}", made.GetProperty("url").GetString());
            var survey = (await stored.FindAsync(id))!;
            Assert.Equal("pilot", survey.Batch);
            Assert.Equal([0xFF, 0xD8], survey.Preview[..2]);
        }
        Assert.Contains("surveys made: 3/3", result.Stderr);
    }

    [Emotion6Fact]
    public void Text_output_is_one_link_and_photo_per_line()
    {
        var photo = Path.Combine(TestData.Emotion6Images, "sadness/2.jpg");

        var result = CliRunner.Run("survey", "create", photo, "--store", store.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^http://127\.0\.0\.1:7071/survey/sv-[0-9a-f]{32}\t.*sadness/2\.jpg$", result.Stdout.Trim());
    }

    [Fact]
    public void A_base_url_that_is_not_a_web_address_is_refused_before_any_work()
    {
        var result = CliRunner.Run("survey", "create", "whatever.jpg", "--base-url", "ftp://host/", "--store", store.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--base-url must be an http or https address", result.Stderr);
    }
}
