namespace ImageToMusic.Engine.Mood.Training;

/// <summary>
/// The candidate inputs a head may read, named for the report: ResNet18's pooled stages (the last holds objects
/// and scenes, the earlier ones texture and material) with or without the colour statistics (light and palette).
/// Which set wins is decided per head on validation data.
/// </summary>
internal static class FeatureSets
{
    private const string Layer2 = "pool_layer2", Layer3 = "pool_layer3", Final = "pool_final", Colour = ImageFeatures.ColourBlock;

    public static IReadOnlyDictionary<string, string[]> Candidates { get; } = new Dictionary<string, string[]>
    {
        ["final"] = [Final],
        ["final+colour"] = [Final, Colour],
        ["layer3+final"] = [Layer3, Final],
        ["layer3+final+colour"] = [Layer3, Final, Colour],
        ["layer2+layer3+final"] = [Layer2, Layer3, Final],
        ["layer2+layer3+final+colour"] = [Layer2, Layer3, Final, Colour],
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
