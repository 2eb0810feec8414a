using System.CommandLine;
using System.Globalization;
using ImageToMusic.Cli.Commands;

// Output is read by scripts and tests: numbers print the same (decimal point) whatever the user's locale.
// ICU stays on (not invariant globalization) because matching song titles needs Unicode normalisation.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var root = new RootCommand("ImageToMusic: music that fits a photo. Analyses a photo's mood and, from the catalog, suggests songs that match it.")
{
    SuggestCommand.Create(),
    AnalyzeCommand.Create(),
    CatalogCommand.Create(),
    ServeCommand.Create(),
    ReportCommand.Create(),
    ForgetCommand.Create(),
    SurveyCommand.Create(),
    DiscordCommand.Create(),
    TeamsCommand.Create(),
    new Command("train", "Train models from labelled data.") { TrainMoodCommand.Create(), TrainTracksCommand.Create() },
    new Command("eval", "Evaluate models against labelled data.") { EvalMoodCommand.Create(), EvalTracksCommand.Create(), EvalMatchCommand.Create(), EvalPersonalisationCommand.Create() },
    new Command("bench", "Measure speed (results belong in docs/benchmarks.md).") { BenchMoodCommand.Create(), BenchMatchCommand.Create(), BenchApiCommand.Create(), BenchDiscordCommand.Create(), BenchRobustnessCommand.Create() },
};
return await root.Parse(args).InvokeAsync();
