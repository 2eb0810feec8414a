using System.CommandLine;
using ImageToMusic.Engine;
using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Mood;
using ImageToMusic.Engine.Mood.Training;
using ImageToMusic.Engine.Vision;

namespace ImageToMusic.Cli.Commands;

/// <summary>`train mood`: fits the mood heads on Emotion6 and writes the model file and its card.</summary>
internal static class TrainMoodCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Emotion6(required: true);
        var models = CommonOptions.Models();
        var threads = CommonOptions.Threads();
        var json = CommonOptions.Json();
        var mood = new Command("mood",
            "Train the mood heads on the Emotion6 train split, choose every setting on val, score test once, and write " +
            $"{MoodModel.DefaultFileName} and {MoodModelCard.FileName} to the models folder.") { data, models, threads, json };
        mood.SetAction(result => Failures.Guard(() => Train(
            result.GetValue(data) ?? throw new ArgumentException("--data is required (or set IMAGETOMUSIC_DATA)."),
            ModelLocation.Resolve(result.GetValue(models)), result.GetValue(threads), result.GetValue(json))));
        return mood;
    }

    private static int Train(DirectoryInfo data, string modelFolder, int threads, bool json)
    {
        var splits = LabelledImageSets.Splits.ToDictionary(s => s, s => LabelledImageSets.LoadEmotion6(data.FullName, s));
        using var extractor = FeatureExtractor.Open(Path.Combine(modelFolder, ResNetBackbone.FileName), ImageLimits.Default);
        var extracted = splits.ToDictionary(kv => kv.Key, kv =>
        {
            var set = BatchExtraction.Extract(extractor, kv.Value, ImageLimits.Default, null, threads, Output.Progress($"features ({kv.Key})"));
            foreach (var failure in set.Failures)
                Console.Error.WriteLine($"warning: skipped {failure.Image}: {failure.Error}: {failure.Message}");
            return set;
        });

        var trainer = new MoodTrainer(message => Console.Error.WriteLine(message));
        var (train, val, test) = (extracted["train"], extracted["val"], extracted["test"]);
        var training = trainer.Train(
            train.Images, [.. train.Extracted.Select(e => e.Features)],
            val.Images, [.. val.Extracted.Select(e => e.Features)],
            $"Emotion6 train split ({train.Images.Count} images)");

        var modelPath = Path.Combine(modelFolder, MoodModel.DefaultFileName);
        MoodModelFile.Save(training.Model, modelPath);
        var evaluation = MoodEvaluation.Score(training.Model, test);
        var cardPath = Path.Combine(modelFolder, MoodModelCard.FileName);
        File.WriteAllText(cardPath, MoodModelCard.Render(training, evaluation, train.Images.Count, val.Images.Count,
            "./imagetomusic eval mood --data <emotion6 folder> --split test --json"));

        if (json)
            Output.WriteJson(new { model = modelPath, card = cardPath, version = training.Model.Version, chosen = training.Chosen, validation = training.Validation, test = EvalMoodCommand.ToJson(evaluation, "test") });
        else
        {
            Console.WriteLine($"wrote {modelPath} ({new FileInfo(modelPath).Length / 1024} KB), version {training.Model.Version}");
            Console.WriteLine($"wrote {cardPath}");
            foreach (var (head, choice) in training.Chosen)
                Console.WriteLine($"  {head,-22} {choice.FeatureSet} (penalty ×{choice.PenaltyFactor}), val {choice.ValidationScore:F3}");
            EvalMoodCommand.WriteText(evaluation, "test");
        }
        return 0;
    }
}
