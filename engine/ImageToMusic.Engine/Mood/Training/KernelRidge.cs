using MathNet.Numerics.LinearAlgebra;

namespace ImageToMusic.Engine.Mood.Training;

/// <summary>
/// Ridge regression solved in the dual (n = 1,404 training images is far below the feature dimension).
/// One eigendecomposition of the Gram matrix K = U Λ Uᵀ serves every penalty λ and every target:
/// α = U (Λ + λ)⁻¹ Uᵀ (y − ȳ), prediction = K_cross α + ȳ, primal weights w = Zᵀ α.
/// </summary>
internal sealed class KernelRidge
{
    private readonly Matrix<double> _eigenvectors;
    private readonly Vector<double> _eigenvalues;
    private readonly Matrix<double> _cross;
    private readonly IReadOnlyList<StandardisedBlock> _blocks;

    public KernelRidge(IReadOnlyList<StandardisedBlock> blocks)
    {
        _blocks = blocks;
        var n = blocks[0].Gram.GetLength(0);
        var m = blocks[0].Cross.GetLength(0);
        var gram = Matrix<double>.Build.Dense(n, n);
        _cross = Matrix<double>.Build.Dense(m, n);
        foreach (var block in blocks)
        {
            gram.Add(Matrix<double>.Build.DenseOfArray(block.Gram), gram);
            _cross.Add(Matrix<double>.Build.DenseOfArray(block.Cross), _cross);
        }
        var evd = gram.Evd(Symmetricity.Symmetric);
        _eigenvectors = evd.EigenVectors;
        _eigenvalues = evd.EigenValues.Map(c => Math.Max(c.Real, 0));
        MeanEigenvalue = _eigenvalues.Average();
    }

    /// <summary>trace(K)/n: penalties are given relative to it so one grid fits every feature set.</summary>
    public double MeanEigenvalue { get; }

    public IReadOnlyList<string> BlockNames => [.. _blocks.Select(b => b.Block.Name)];

    /// <summary>Dual coefficients for targets <paramref name="y"/> [n × outputs], and their means.</summary>
    public (Matrix<double> Alpha, double[] Means) Fit(double[,] y, double lambda)
    {
        var targets = Matrix<double>.Build.DenseOfArray(y);
        var means = targets.ColumnSums().Divide(targets.RowCount).ToArray();
        for (var c = 0; c < targets.ColumnCount; c++)
            targets.SetColumn(c, targets.Column(c).Subtract(means[c]));
        var projected = _eigenvectors.TransposeThisAndMultiply(targets);
        for (var i = 0; i < projected.RowCount; i++)
            projected.SetRow(i, projected.Row(i).Divide(_eigenvalues[i] + lambda));
        return (_eigenvectors * projected, means);
    }

    /// <summary>Predictions on the validation rows [m × outputs].</summary>
    public double[,] PredictValidation(Matrix<double> alpha, double[] means)
    {
        var predictions = _cross * alpha;
        for (var c = 0; c < predictions.ColumnCount; c++)
            predictions.SetColumn(c, predictions.Column(c).Add(means[c]));
        return predictions.ToArray();
    }

    /// <summary>The fitted model in primal form, ready to ship.</summary>
    public LinearHead ToHead(Matrix<double> alpha, double[] means, double lambda)
    {
        var dimension = _blocks.Sum(b => b.Block.Dimension);
        var weights = new float[alpha.ColumnCount][];
        for (var output = 0; output < alpha.ColumnCount; output++)
        {
            var w = new double[dimension];
            var a = alpha.Column(output).ToArray();
            var offset = 0;
            foreach (var block in _blocks)
            {
                for (var i = 0; i < a.Length; i++)
                {
                    var row = block.Train[i];
                    for (var j = 0; j < row.Length; j++) w[offset + j] += a[i] * row[j];
                }
                offset += block.Block.Dimension;
            }
            weights[output] = [.. w.Select(x => (float)x)];
        }
        return new LinearHead(BlockNames, weights, means, lambda);
    }
}
