using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Music.Training;

namespace ImageToMusic.Engine.Tests.Music;

public class TrackMoodModelTests
{
    private static string LabelledCatalog => Path.Combine(TestData.DataDir, "catalog", "mood_labelled_686.csv");

    [Fact]
    public void Cross_validated_accuracy_on_the_human_labels_reaches_the_bar()
    {
        var evaluation = TrackMoodEvaluation.CrossValidate(LabelledTracks.Load(LabelledCatalog));

        Assert.Equal(686, evaluation.Tracks);
        Assert.Equal(686, evaluation.Confusion.Sum(row => row.Sum()));
        Assert.Equal([140, 197, 154, 195], evaluation.Confusion.Select(row => row.Sum()));
        Assert.True(evaluation.TrackMoodAccuracy >= 0.75, $"accuracy {evaluation.TrackMoodAccuracy:F3}");
    }

    [Fact]
    public void The_committed_model_is_what_training_on_the_labels_produces()
    {
        var shipped = TrackMoodModelFile.Load(Path.Combine(TestData.Models, TrackMoodModel.DefaultFileName));
        var retrained = TrackMoodTrainer.Fit(LabelledTracks.Load(LabelledCatalog), "test");

        Assert.Equal(shipped.Version, retrained.Version);
    }

    [Fact]
    public void Probabilities_sum_to_one_and_separate_a_quiet_acoustic_track_from_a_loud_dance_track()
    {
        var model = TrackMoodTrainer.Fit(LabelledTracks.Load(LabelledCatalog), "test");
        var quiet = model.Predict(new AudioFeatures(0.15, 0.1, 0.35, 0.95, 0.9, 0.04, 0.1, 80, -24));
        var loud = model.Predict(new AudioFeatures(0.45, 0.95, 0.55, 0.01, 0.0, 0.08, 0.3, 140, -3.5));

        Assert.Equal(1.0, quiet.Scores.Values.Sum(), 9);
        Assert.Equal(MusicMoods.Calm, quiet.Word);
        Assert.Equal(MusicMoods.Energetic, loud.Word);
        Assert.True(quiet.Arousal < 4 && loud.Arousal > 6, $"arousal {quiet.Arousal:F2} vs {loud.Arousal:F2}");
    }

    [Theory]
    [InlineData(0, 8.0, 8.0)] // Happy: pleasant, aroused
    [InlineData(1, 2.0, 2.0)] // Sad
    [InlineData(2, 2.0, 8.0)] // Energetic: tense, aroused
    [InlineData(3, 8.0, 2.0)] // Calm
    public void A_certain_mood_sits_at_its_quadrant_centre(int mood, double valence, double arousal)
    {
        var p = new double[4];
        p[mood] = 1;
        var position = TrackMoodModel.FromProbabilities(p);

        Assert.Equal((valence, arousal), (position.Valence, position.Arousal));
        Assert.Equal(mood, MusicMoods.QuadrantOf(position.Valence, position.Arousal));
    }

    [Fact]
    public void Save_and_load_give_the_same_predictions()
    {
        var model = TrackMoodTrainer.Fit(LabelledTracks.Load(LabelledCatalog), "test");
        var path = Path.Combine(TestData.NewTempFolder(), TrackMoodModel.DefaultFileName);
        TrackMoodModelFile.Save(model, path);
        var loaded = TrackMoodModelFile.Load(path);
        var features = new AudioFeatures(0.6, 0.7, 0.6, 0.2, 0.0, 0.05, 0.1, 118, -6);

        Assert.Equal(model.Version, loaded.Version);
        Assert.Equal(model.Predict(features).Scores, loaded.Predict(features).Scores);
    }

    [Fact]
    public void A_file_of_another_kind_is_refused_with_a_clear_message()
    {
        var path = Path.Combine(TestData.NewTempFolder(), "x.json");
        File.WriteAllText(path, """{"format":"imagetomusic-mood/1"}""");
        var error = Assert.Throws<InvalidDataException>(() => TrackMoodModelFile.Load(path));
        Assert.Contains("imagetomusic-track-moods/1", error.Message);

        var missing = Assert.Throws<FileNotFoundException>(() => TrackMoodModelFile.Load(path + ".absent"));
        Assert.Contains("train tracks", missing.Message);
    }

    [Fact]
    public void Training_needs_every_mood()
    {
        var onlyCalm = LabelledTracks.Load(LabelledCatalog).Where(t => t.Mood == 3).ToList();
        Assert.Throws<InvalidOperationException>(() => TrackMoodTrainer.Fit(onlyCalm, "test"));
    }
}
