using ImageToMusic.Engine.Music.Matching;

namespace ImageToMusic.Engine.Music.Story;

/// <summary>How a story's photos become music.</summary>
public enum StoryMode
{
    /// <summary>Tracks follow the photos in order, each chosen for its own photo.</summary>
    PerImage,
    /// <summary>One list for the story's combined mood, ordered as an arc.</summary>
    Whole,
}

/// <summary>What kind of soundtrack a story asks for.</summary>
public sealed record StoryOptions
{
    public const int MaxPhotos = 20;
    public const double MaxDurationSeconds = 2 * 60 * 60;

    public StoryMode Mode { get; init; } = StoryMode.PerImage;
    /// <summary>How long the soundtrack should last; without it, one track per photo.</summary>
    public double? TargetDurationSeconds { get; init; }
    /// <summary>Genre, explicit and tempo filters as for a single photo; its Top is not used (the story decides how many tracks).</summary>
    public MatchOptions Filters { get; init; } = new();

    public void Validate(int photos)
    {
        if (photos is < 1 or > MaxPhotos) throw new ArgumentException($"A story has 1 to {MaxPhotos} photos, got {photos}.");
        if (TargetDurationSeconds is { } d && !(d > 0 && d <= MaxDurationSeconds))
            throw new ArgumentException($"The target duration must be above 0 and at most {MaxDurationSeconds} s, got {d}.");
        if (!Enum.IsDefined(Mode)) throw new ArgumentException($"Unknown story mode {Mode}.");
        Filters.Validate();
    }
}
