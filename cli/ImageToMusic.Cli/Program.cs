using System.CommandLine;
using ImageToMusic.Cli.Commands;

var root = new RootCommand("ImageToMusic: music that fits a photo. Analyses a photo's mood and, from the catalog, suggests songs that match it.")
{
    AnalyzeCommand.Create(),
    TrainCommand.Create(),
    EvalCommand.Create(),
    BenchCommand.Create(),
    CatalogCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
