using System.Numerics.Tensors;

namespace ImageToMusic.Engine.Mood.Training;

/// <summary>
/// One feature block standardised on the training rows, with its Gram matrix over the training set and
/// its cross products with the validation set. Kernels of a feature set are sums of its blocks' kernels,
/// so each block's products are computed once however many candidate sets use it.
/// </summary>
internal sealed class StandardisedBlock
{
    public StandardisedBlock(string name, IReadOnlyList<ImageFeatures> train, IReadOnlyList<ImageFeatures> validation)
    {
        Block = FeatureBlock.Fit(name, [.. train.Select(f => f[name])]);
        Train = Transform(train);
        var validationRows = Transform(validation);
        Gram = Products(Train, Train, symmetric: true);
        Cross = Products(validationRows, Train, symmetric: false);
    }

    public FeatureBlock Block { get; }
    /// <summary>Standardised training rows, row-major [n × dim].</summary>
    public float[][] Train { get; }
    /// <summary>Train × train inner products [n × n].</summary>
    public double[,] Gram { get; }
    /// <summary>Validation × train inner products [m × n].</summary>
    public double[,] Cross { get; }

    private float[][] Transform(IReadOnlyList<ImageFeatures> rows) =>
        [.. rows.Select(f =>
        {
            var z = new float[Block.Dimension];
            Block.Transform(f[Block.Name], z);
            return z;
        })];

    private static double[,] Products(float[][] left, float[][] right, bool symmetric)
    {
        var result = new double[left.Length, right.Length];
        Parallel.For(0, left.Length, i =>
        {
            for (var j = symmetric ? i : 0; j < right.Length; j++)
            {
                double dot = TensorPrimitives.Dot(left[i], right[j]);
                result[i, j] = dot;
                if (symmetric) result[j, i] = dot;
            }
        });
        return result;
    }
}
