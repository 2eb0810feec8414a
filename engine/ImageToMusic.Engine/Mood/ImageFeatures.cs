namespace ImageToMusic.Engine.Mood;

/// <summary>
/// Everything the mood heads can read about one image: named feature blocks. The backbone's pooled
/// layers keep their ONNX output names (pool_layer3, pool_final, ...); colour measurements are "colour".
/// </summary>
public sealed record ImageFeatures(IReadOnlyDictionary<string, float[]> Blocks)
{
    public const string ColourBlock = "colour";

    public float[] this[string block] => Blocks.TryGetValue(block, out var values)
        ? values
        : throw new KeyNotFoundException($"Feature block '{block}' is missing; the mood model and the backbone disagree.");
}

/// <summary>What the heads predict for one image: valence and arousal on 1–9, and a 7-way emotion distribution.</summary>
public sealed record MoodEstimate(double Valence, double Arousal, IReadOnlyDictionary<string, double> Emotions)
{
    /// <summary>The most likely of the six keywords (neutral excluded), for top-1 accuracy against Emotion6 folders.</summary>
    public string TopKeyword => Emotions.Keys.Where(k => k != "neutral").MaxBy(k => Emotions[k])!;
}
