using System.CommandLine;
using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Mood;
using ImageToMusic.Engine.Storage;

namespace ImageToMusic.Cli;

/// <summary>Options several commands share, built fresh per command (an option belongs to one parent).</summary>
internal static class CommonOptions
{
    public const string DataEnvironmentVariable = "IMAGETOMUSIC_DATA";

    public static Option<bool> Json() => new("--json") { Description = "Print one JSON object on stdout instead of text." };

    public static Option<string?> Models() => new("--models")
    {
        Description = "Folder with resnet18_features.onnx and mood-heads.json (default: $IMAGETOMUSIC_MODELS, else models/ beside the app).",
    };

    public static Option<string?> Store() => new("--store")
    {
        Description = $"Database file holding the catalog and analyses (default: ${StoreLocation.HomeEnvironmentVariable}/{StoreLocation.FileName}, else the user's local application data folder).",
    };

    /// <summary>The error for a command that needs songs when the store has none: says exactly how to import some.</summary>
    public static InvalidOperationException EmptyCatalog(string storePath, string? storeOption) => new(
        $"The catalog at {storePath} is empty. Import one first, for example:\n" +
        $"  ./imagetomusic catalog import ../shared/data/catalog/spotify_songs_9961.csv{(storeOption is null ? "" : $" --store {storeOption}")}");

    public static Option<int> Threads() => new("--threads")
    {
        Description = "Images processed in parallel (default: all cores).",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    /// <summary>--data: an Emotion6 folder, defaulting to $IMAGETOMUSIC_DATA/emotion6.</summary>
    public static Option<DirectoryInfo?> Emotion6(bool required) => new("--data")
    {
        Description = "Emotion6 folder (ground_truth.txt, split.csv, images/). Default: $IMAGETOMUSIC_DATA/emotion6.",
        Required = required && Environment.GetEnvironmentVariable(DataEnvironmentVariable) is null,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(DataEnvironmentVariable) is { } data
            ? new DirectoryInfo(Path.Combine(data, "emotion6"))
            : null,
    };

    /// <summary>--split: which fixed Emotion6 split to score, test unless told.</summary>
    public static Option<string> Split()
    {
        var split = new Option<string>("--split") { Description = "Emotion6 split to score: train, val or test.", DefaultValueFactory = _ => "test" };
        split.AcceptOnlyFromAmong([.. LabelledImageSets.Splits]);
        return split;
    }

    /// <summary>--labels for track moods: a catalog CSV with a `mood` column, defaulting to $IMAGETOMUSIC_DATA/catalog/mood_labelled_686.csv.</summary>
    public static Option<FileInfo?> TrackLabels() => new("--labels")
    {
        Description = "Catalog CSV with a human `mood` column (Happy, Sad, Energetic, Calm). Default: $IMAGETOMUSIC_DATA/catalog/mood_labelled_686.csv.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(DataEnvironmentVariable) is { } data
            ? new FileInfo(Path.Combine(data, "catalog", "mood_labelled_686.csv"))
            : null,
    };

    public static FileInfo Require(FileInfo? file, string option) =>
        file ?? throw new ArgumentException($"{option} is required (or set {DataEnvironmentVariable} to the shared data folder).");

    public sealed record LimitOptions(Option<long> MaxBytes, Option<long> MaxPixels, Option<AlphaBackground> Alpha)
    {
        public void AddTo(Command command)
        {
            command.Options.Add(MaxBytes);
            command.Options.Add(MaxPixels);
            command.Options.Add(Alpha);
        }

        public ImageLimits Read(ParseResult result) => new()
        {
            MaxBytes = result.GetValue(MaxBytes),
            MaxPixels = result.GetValue(MaxPixels),
            AlphaBackground = result.GetValue(Alpha),
        };
    }

    public static LimitOptions Limits() => new(
        new Option<long>("--max-bytes") { Description = "Refuse files larger than this many bytes.", DefaultValueFactory = _ => ImageLimits.DefaultMaxBytes },
        new Option<long>("--max-pixels") { Description = "Refuse images with more pixels than this (read from the header, before decoding).", DefaultValueFactory = _ => ImageLimits.DefaultMaxPixels },
        new Option<AlphaBackground>("--alpha-background") { Description = "Colour transparent pixels are flattened onto: White or Black.", DefaultValueFactory = _ => AlphaBackground.White });
}
