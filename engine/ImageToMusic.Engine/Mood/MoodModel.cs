namespace ImageToMusic.Engine.Mood;

/// <summary>
/// The trained mood model as shipped in models/: the full predictor and, trained in the same run on the
/// same split, the colour-only baseline that every evaluation reports beside it.
/// </summary>
public sealed record MoodModel(
    string Version,
    string BackboneFile,
    string TrainedOn,
    MoodHeads Full,
    MoodHeads ColourOnly)
{
    public const string DefaultFileName = "mood-heads.json";

    /// <summary>Every block the full model reads; the backbone must produce all but "colour".</summary>
    public IEnumerable<string> RequiredBlocks => Full.Standardisers.Keys;
}
