using System.CommandLine;
using ImageToMusic.Engine;
using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Music.Training;

namespace ImageToMusic.Cli.Commands;

/// <summary>`train tracks`: fits the audio-features → mood mapping on human-labelled tracks and writes it with its card.</summary>
internal static class TrainTracksCommand
{
    public static Command Create()
    {
        var labels = CommonOptions.TrackLabels();
        var models = CommonOptions.Models();
        var json = CommonOptions.Json();
        var command = new Command("tracks",
            $"Fit the track mood mapping on human-labelled tracks, cross-validate it, and write {TrackMoodModel.DefaultFileName} and {TrackMoodCard.FileName} to the models folder.")
            { labels, models, json };
        command.SetAction(result => Failures.Guard(() =>
        {
            var file = CommonOptions.Require(result.GetValue(labels), "--labels");
            var tracks = LabelledTracks.Load(file.FullName);
            var model = TrackMoodTrainer.Fit(tracks, $"{file.Name} ({tracks.Count} tracks)");
            var evaluation = TrackMoodEvaluation.CrossValidate(tracks);
            var folder = ModelLocation.Resolve(result.GetValue(models));
            var modelPath = Path.Combine(folder, TrackMoodModel.DefaultFileName);
            var cardPath = Path.Combine(folder, TrackMoodCard.FileName);
            TrackMoodModelFile.Save(model, modelPath);
            File.WriteAllText(cardPath, TrackMoodCard.Render(model, evaluation, "./imagetomusic eval tracks --labels <mood_labelled_686.csv> --json"));
            if (result.GetValue(json))
                Output.WriteJson(new { model = modelPath, card = cardPath, version = model.Version, evaluation });
            else
            {
                Console.WriteLine($"wrote {modelPath}, version {model.Version}");
                Console.WriteLine($"wrote {cardPath}");
                EvalTracksCommand.WriteText(evaluation, file.FullName);
            }
            return 0;
        }));
        return command;
    }
}
