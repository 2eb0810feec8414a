using System.CommandLine;
using ImageToMusic.Engine.Music.Training;

namespace ImageToMusic.Cli.Commands;

/// <summary>`eval tracks`: cross-validated accuracy of the audio-features → mood mapping against human labels.</summary>
internal static class EvalTracksCommand
{
    public static Command Create()
    {
        var labels = CommonOptions.TrackLabels();
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds, stratified by label.", DefaultValueFactory = _ => TrackMoodEvaluation.DefaultFolds };
        var json = CommonOptions.Json();
        var command = new Command("tracks", "Cross-validate the track mood mapping (4-way: Happy, Sad, Energetic, Calm) against human labels.") { labels, folds, json };
        command.SetAction(result => Failures.Guard(() =>
        {
            var file = CommonOptions.Require(result.GetValue(labels), "--labels");
            var evaluation = TrackMoodEvaluation.CrossValidate(LabelledTracks.Load(file.FullName), result.GetValue(folds));
            if (result.GetValue(json)) Output.WriteJson(new { labels = file.FullName, evaluation.Tracks, evaluation.Folds, evaluation.TrackMoodAccuracy, evaluation.RecallPerMood, confusion = new { rows_human_columns_predicted = evaluation.Moods, matrix = evaluation.Confusion } });
            else WriteText(evaluation, file.FullName);
            return 0;
        }));
        return command;
    }

    public static void WriteText(TrackMoodEvaluation evaluation, string source)
    {
        Console.WriteLine($"{source}: {evaluation.Tracks} tracks, {evaluation.Folds}-fold cross-validation");
        Console.WriteLine($"  track_mood_accuracy {evaluation.TrackMoodAccuracy:F3}");
        Console.WriteLine($"  {"human \\ predicted",-18}{string.Concat(evaluation.Moods.Select(m => $"{m,11}"))}{"recall",9}");
        for (var i = 0; i < evaluation.Moods.Count; i++)
            Console.WriteLine($"  {evaluation.Moods[i],-18}{string.Concat(evaluation.Confusion[i].Select(n => $"{n,11}"))}{evaluation.RecallPerMood[evaluation.Moods[i]],9:F3}");
    }
}
