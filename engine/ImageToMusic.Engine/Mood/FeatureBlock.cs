namespace ImageToMusic.Engine.Mood;

/// <summary>
/// How one block of raw features becomes model input: signed square root (tames the heavy tails of
/// pooled ReLU activations), standardisation with training statistics, and a block weight of 1/√dim
/// so a 1280-d block does not drown a 39-d one.
/// </summary>
public sealed class FeatureBlock
{
    public FeatureBlock(string name, float[] mean, float[] inverseStd, float weight)
    {
        if (mean.Length != inverseStd.Length) throw new ArgumentException($"Block '{name}': mean and scale lengths differ.");
        Name = name; Mean = mean; InverseStd = inverseStd; Weight = weight;
    }

    public string Name { get; }
    public float[] Mean { get; }
    public float[] InverseStd { get; }
    public float Weight { get; }
    public int Dimension => Mean.Length;

    public static FeatureBlock Fit(string name, IReadOnlyList<float[]> rows)
    {
        var dim = rows[0].Length;
        var mean = new double[dim];
        var square = new double[dim];
        foreach (var row in rows)
            for (var j = 0; j < dim; j++)
            {
                var v = SignedSqrt(row[j]);
                mean[j] += v; square[j] += v * v;
            }
        var inverseStd = new float[dim];
        for (var j = 0; j < dim; j++)
        {
            mean[j] /= rows.Count;
            var std = Math.Sqrt(Math.Max(0, square[j] / rows.Count - mean[j] * mean[j]));
            inverseStd[j] = std > 1e-6 ? (float)(1 / std) : 0f; // a constant feature carries no information
        }
        return new FeatureBlock(name, [.. mean.Select(m => (float)m)], inverseStd, (float)(1 / Math.Sqrt(dim)));
    }

    /// <summary>Writes the transformed block into <paramref name="destination"/> (length <see cref="Dimension"/>).</summary>
    public void Transform(ReadOnlySpan<float> raw, Span<float> destination)
    {
        if (raw.Length != Dimension)
            throw new ArgumentException($"Block '{Name}' has {raw.Length} values, the model expects {Dimension}.");
        for (var j = 0; j < Dimension; j++)
            destination[j] = (float)((SignedSqrt(raw[j]) - Mean[j]) * InverseStd[j] * Weight);
    }

    private static double SignedSqrt(float x) => x >= 0 ? Math.Sqrt(x) : -Math.Sqrt(-x);
}
