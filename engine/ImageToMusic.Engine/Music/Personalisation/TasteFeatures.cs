using static ImageToMusic.Engine.Music.Matching.Cue;

namespace ImageToMusic.Engine.Music.Personalisation;

/// <summary>
/// The musical directions a community can prefer, each a track property on a fixed scale clamped to −1 … 1
/// (the same centres and spreads as the evidence axes). Fixed scales rather than per-catalog ones keep a
/// learnt preference meaning the same thing whatever catalog it is applied to.
/// </summary>
public static class TasteFeatures
{
    public sealed record Feature(string Name, Func<AudioFeatures, double> Of);

    public static IReadOnlyList<Feature> All { get; } =
    [
        new("energy", f => Scaled(f.Energy, 0.5, 0.35)),
        new("tempo", f => Scaled(f.TempoBpm, 120, 30)),
        new("acousticness", f => Scaled(f.Acousticness, 0.5, 0.4)),
        new("danceability", f => Scaled(f.Danceability, 0.55, 0.2)),
    ];
}
