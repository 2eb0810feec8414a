using ImageToMusic.Engine.Mood;

namespace ImageToMusic.Engine.Tests.Mood;

public class LabelledImageSetsTests
{
    [Emotion6Fact]
    public void Emotion6_splits_have_the_documented_sizes_and_labels()
    {
        var folder = TestData.Emotion6;
        var counts = LabelledImageSets.Splits.ToDictionary(s => s, s => LabelledImageSets.LoadEmotion6(folder, s));

        Assert.Equal(1404, counts["train"].Count);
        Assert.Equal(288, counts["val"].Count);
        Assert.Equal(288, counts["test"].Count);
        Assert.Empty(counts["train"].Select(i => i.Id).Intersect(counts["test"].Select(i => i.Id)));
        var first = counts["train"].Single(i => i.Id == "disgust/1.jpg");
        Assert.Equal((2.5, 3.8, "disgust"), (first.Valence, first.Arousal, first.Keyword));
        Assert.Equal(0.7, first.EmotionDistribution![Emotions.IndexOf("disgust")], 6);
        Assert.True(File.Exists(first.Path));
    }

    [Emotion6Fact]
    public void Unknown_split_and_missing_folder_are_explained()
    {
        var e = Assert.Throws<ArgumentException>(() => LabelledImageSets.LoadEmotion6(TestData.Emotion6, "holdout"));
        Assert.Contains("train, val, test", e.Message);
        var missing = Assert.Throws<FileNotFoundException>(() => LabelledImageSets.LoadEmotion6(TestData.NewTempFolder(), "test"));
        Assert.Contains("ground_truth.txt", missing.Message);
    }

    [Fact]
    public void Csv_reads_paths_relative_to_the_images_folder()
    {
        var folder = TestData.NewTempFolder();
        var csv = Path.Combine(folder, "labels.csv");
        File.WriteAllText(csv, "image,valence,arousal\nbeach/1.jpg,7.5,4\nstorm.png,2,8.25\n");

        var images = LabelledImageSets.LoadCsv(csv, "/photos");

        Assert.Equal(["/photos/beach/1.jpg", "/photos/storm.png"], images.Select(i => i.Path));
        Assert.Equal([7.5, 2], images.Select(i => i.Valence));
        Assert.Equal([4, 8.25], images.Select(i => i.Arousal));
        Assert.All(images, i => Assert.Null(i.Keyword));
    }

    [Theory]
    [InlineData("file,v,a\nx.jpg,1,2\n", ":1: expected the header image,valence,arousal")]
    [InlineData("image,valence,arousal\nx.jpg,high,2\n", ":2: 'high' is not a number")]
    [InlineData("image,valence,arousal\nx.jpg,5,5\ny.jpg,10,5\n", ":3: valence and arousal must be on the 1–9 scale")]
    [InlineData("image,valence,arousal\nx.jpg,5\n", ":2: expected 3 columns")]
    [InlineData("", "is empty")]
    public void Malformed_csv_names_the_line(string content, string expected)
    {
        var csv = Path.Combine(TestData.NewTempFolder(), "labels.csv");
        File.WriteAllText(csv, content);

        var e = Assert.Throws<FormatException>(() => LabelledImageSets.LoadCsv(csv, "."));

        Assert.Contains(expected, e.Message);
    }
}
