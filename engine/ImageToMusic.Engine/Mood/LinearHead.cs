using System.Numerics.Tensors;

namespace ImageToMusic.Engine.Mood;

/// <summary>
/// A linear read-out over some feature blocks: y = W·x + b per output. Trained as kernel ridge
/// regression but stored in primal form so prediction is one dot product per output.
/// </summary>
public sealed class LinearHead
{
    public LinearHead(IReadOnlyList<string> blocks, float[][] weights, double[] bias, double lambda)
    {
        if (weights.Length != bias.Length) throw new ArgumentException("One bias per output is required.");
        Blocks = blocks; Weights = weights; Bias = bias; Lambda = lambda;
    }

    public IReadOnlyList<string> Blocks { get; }
    public float[][] Weights { get; }
    public double[] Bias { get; }
    /// <summary>The ridge penalty chosen on validation data (kept for the model card).</summary>
    public double Lambda { get; }

    public double[] Predict(ImageFeatures features, IReadOnlyDictionary<string, FeatureBlock> standardisers)
    {
        var input = new float[Weights[0].Length];
        var offset = 0;
        foreach (var name in Blocks)
        {
            var block = standardisers[name];
            block.Transform(features[name], input.AsSpan(offset, block.Dimension));
            offset += block.Dimension;
        }
        if (offset != input.Length)
            throw new InvalidOperationException($"Head expects {input.Length} inputs but its blocks give {offset}.");
        return [.. Weights.Select((w, i) => TensorPrimitives.Dot(w, input) + Bias[i])];
    }
}
