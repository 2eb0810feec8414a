using ImageToMusic.Engine.Mood;
using ImageToMusic.Engine.Mood.Training;

namespace ImageToMusic.Engine.Tests.Mood;

/// <summary>
/// The trainer on synthetic data whose answers are known: valence is written into pool_layer2,
/// arousal into the colour block, the emotion keyword into pool_final; every other block is noise.
/// </summary>
public class MoodTrainerTests
{
    private static readonly string[] BlockNames =
    [
        "pool_layer2", "pool_layer3", "pool_final", ImageFeatures.ColourBlock,
    ];

    private static (List<LabelledImage> Images, List<ImageFeatures> Features) Synthetic(int count, int seed)
    {
        var random = new Random(seed);
        var images = new List<LabelledImage>();
        var features = new List<ImageFeatures>();
        for (var i = 0; i < count; i++)
        {
            var valence = 1 + 8 * random.NextDouble();
            var arousal = 1 + 8 * random.NextDouble();
            var keyword = i % 6;
            var distribution = new double[7];
            distribution[keyword] = 0.7; distribution[6] = 0.3;
            images.Add(new LabelledImage($"{i}.jpg", $"{i}.jpg", valence, arousal, Emotions.Keywords[keyword], distribution));

            var blocks = BlockNames.ToDictionary(n => n, _ => Enumerable.Range(0, 6).Select(_ => (float)random.NextDouble()).ToArray());
            blocks["pool_layer2"][0] = (float)(valence / 9 + 0.02 * random.NextDouble());
            blocks[ImageFeatures.ColourBlock][1] = (float)(arousal / 9 + 0.02 * random.NextDouble());
            blocks["pool_final"][keyword] += 2;
            features.Add(new ImageFeatures(blocks));
        }
        return (images, features);
    }

    private static TrainingResult Train()
    {
        var (trainImages, trainFeatures) = Synthetic(240, seed: 1);
        var (valImages, valFeatures) = Synthetic(90, seed: 2);
        return new MoodTrainer(_ => { }).Train(trainImages, trainFeatures, valImages, valFeatures, "synthetic");
    }

    [Fact]
    public void Finds_the_informative_blocks_and_predicts_held_out_data()
    {
        var result = Train();
        var (testImages, testFeatures) = Synthetic(90, seed: 3);
        var scores = MoodScores.Compute(testImages, [.. testFeatures.Select(result.Model.Full.Predict)]);

        Assert.Contains("pool_layer2", FeatureSets.Candidates[result.Chosen["full.valence"].FeatureSet]);
        Assert.Contains(ImageFeatures.ColourBlock, FeatureSets.Candidates[result.Chosen["full.arousal"].FeatureSet]);
        Assert.True(scores.ValenceR > 0.9, $"valence r {scores.ValenceR}");
        Assert.True(scores.ArousalR > 0.9, $"arousal r {scores.ArousalR}");
        Assert.True(scores.EmotionTop1Accuracy > 0.9, $"top-1 {scores.EmotionTop1Accuracy}");
        Assert.True(scores.ValenceMae < 0.6, $"valence MAE {scores.ValenceMae}"); // calibration undid the shrinkage
        Assert.Equal(1.0, testFeatures.Select(result.Model.Full.Predict).Select(p => p.Emotions.Values.Sum()).Average(), 9);
    }

    [Fact]
    public void Emotion_calibration_never_changes_which_keyword_wins()
    {
        var heads = Train().Model.Full;
        var (_, features) = Synthetic(60, seed: 5);

        foreach (var f in features)
        {
            var raw = heads.EmotionScores.Predict(f, heads.Standardisers);
            var rawWinner = Emotions.Keywords[Enumerable.Range(0, Emotions.Keywords.Count).MaxBy(e => raw[e])];
            Assert.Equal(rawWinner, heads.Predict(f).TopKeyword);
        }
        Assert.True(heads.EmotionCalibration.Scale > 0);
    }

    [Fact]
    public void Colour_only_baseline_sees_only_colour()
    {
        var result = Train();

        Assert.Equal([ImageFeatures.ColourBlock], result.Model.ColourOnly.Standardisers.Keys);
        Assert.True(result.ColourOnlyValidation.ArousalR > 0.9);          // arousal lives in colour
        Assert.True(Math.Abs(result.ColourOnlyValidation.ValenceR) < 0.4); // valence does not
    }

    [Fact]
    public void Training_is_deterministic_and_the_file_round_trips_exactly()
    {
        var first = Train();
        var second = Train();
        Assert.Equal(first.Model.Version, second.Model.Version);

        var path = Path.Combine(TestData.NewTempFolder(), MoodModel.DefaultFileName);
        MoodModelFile.Save(first.Model, path);
        var loaded = MoodModelFile.Load(path);

        var (_, features) = Synthetic(20, seed: 4);
        foreach (var f in features)
        {
            Assert.Equal(first.Model.Full.Predict(f), loaded.Full.Predict(f), MoodEstimateComparer.Exact);
            Assert.Equal(first.Model.ColourOnly.Predict(f), loaded.ColourOnly.Predict(f), MoodEstimateComparer.Exact);
        }
        Assert.Equal(first.Model.Version, loaded.Version);
    }

    [Fact]
    public void Broken_model_files_are_refused_with_the_reason()
    {
        var folder = TestData.NewTempFolder();
        var missing = Assert.Throws<FileNotFoundException>(() => MoodModelFile.Load(Path.Combine(folder, "none.json")));
        Assert.Contains("train mood", missing.Message);

        var garbage = Path.Combine(folder, "garbage.json");
        File.WriteAllText(garbage, "{ not json");
        Assert.Contains("is not a mood model file", Assert.Throws<InvalidDataException>(() => MoodModelFile.Load(garbage)).Message);

        var wrongFormat = Path.Combine(folder, "other.json");
        File.WriteAllText(wrongFormat, """{"format":"something-else/9","version":"x","backbone":"b","trained_on":"t","full":null,"colour_only":null}""");
        Assert.Contains("expected 'imagetomusic-mood/1'", Assert.Throws<InvalidDataException>(() => MoodModelFile.Load(wrongFormat)).Message);
    }

    private sealed class MoodEstimateComparer : IEqualityComparer<MoodEstimate>
    {
        public static readonly MoodEstimateComparer Exact = new();
        public bool Equals(MoodEstimate? x, MoodEstimate? y) =>
            x!.Valence == y!.Valence && x.Arousal == y.Arousal && x.Emotions.OrderBy(k => k.Key).SequenceEqual(y.Emotions.OrderBy(k => k.Key));
        public int GetHashCode(MoodEstimate obj) => obj.Valence.GetHashCode();
    }
}
