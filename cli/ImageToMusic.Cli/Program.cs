using System.CommandLine;
using ImageToMusic.Cli.Commands;

var root = new RootCommand("ImageToMusic: music that fits a photo. Analyses a photo's mood and, from the catalog, suggests songs that match it.")
{
    AnalyzeCommand.Create(),
    new Command("train", "Train models from labelled data.") { TrainMoodCommand.Create(), TrainTracksCommand.Create() },
    new Command("eval", "Evaluate models against labelled data.") { EvalMoodCommand.Create(), EvalTracksCommand.Create(), EvalMatchCommand.Create() },
    BenchCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
