namespace ImageToMusic.Engine.Mood.Training;

/// <summary>
/// The candidate inputs a head may read, named for the report. Mid-depth expanded layers carry scene
/// and texture cues that the final layer (fine-tuned by nsfwjs for 5 content classes) has discarded;
/// colour statistics add light and palette. Which set wins is decided per head on validation data.
/// </summary>
internal static class FeatureSets
{
    private static IEnumerable<string> Expand(int from, int to) => Enumerable.Range(from, to - from + 1).Select(b => $"pool_expand_{b}");
    private static IEnumerable<string> Block(int from, int to) => Enumerable.Range(from, to - from + 1).Select(b => $"pool_block_{b}");
    private const string Final = "pool_final", Colour = ImageFeatures.ColourBlock;

    public static IReadOnlyDictionary<string, string[]> Candidates { get; } = new Dictionary<string, string[]>
    {
        ["final"] = [Final],
        ["final+colour"] = [Final, Colour],
        ["mid"] = [.. Expand(6, 12)],
        ["mid+colour"] = [.. Expand(6, 12), Colour],
        ["mid+final+colour"] = [.. Expand(6, 12), Final, Colour],
        ["late+colour"] = [.. Expand(13, 16), Final, Colour],
        ["mid+late+colour"] = [.. Expand(6, 16), Final, Colour],
        ["early+mid+colour"] = [.. Expand(1, 12), Colour],
        ["expand10,11,15+block6+colour"] = [.. Expand(10, 11), "pool_expand_15", "pool_block_6", Colour],
        ["all+colour"] = [.. Expand(1, 16), .. Block(0, 16), Final, Colour],
    };

    public static IReadOnlyDictionary<string, string[]> ColourOnly { get; } = new Dictionary<string, string[]>
    {
        ["colour"] = [Colour],
    };

    /// <summary>Ridge penalties, as multiples of the Gram matrix's mean eigenvalue.</summary>
    public static IReadOnlyList<double> PenaltyFactors { get; } = [0.03, 0.1, 0.3, 1, 3, 10, 30];

    /// <summary>Emotion targets: this share of the folder's one-hot keyword plus the rest of the raters' distribution.</summary>
    public static IReadOnlyList<double> KeywordBlends { get; } = [0, 0.5, 1];

}
