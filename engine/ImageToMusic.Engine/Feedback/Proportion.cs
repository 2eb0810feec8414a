namespace ImageToMusic.Engine.Feedback;

/// <summary>
/// A share with its uncertainty: <see cref="Successes"/> of <see cref="N"/>. With no data (N = 0) there is no
/// rate and no interval, rather than a made-up 0 or 1.
/// </summary>
public sealed record Proportion(int Successes, int N, double? Rate, ConfidenceInterval? Interval)
{
    public static Proportion Of(int successes, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, n);
        return n == 0 ? new(0, 0, null, null) : new(successes, n, (double)successes / n, ConfidenceInterval.Wilson95(successes, n));
    }
}

/// <summary>A two-sided interval on a share, both ends within [0, 1].</summary>
public sealed record ConfidenceInterval(double Low, double High)
{
    /// <summary>The two-sided 95% standard normal quantile.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// The Wilson score interval: unlike the textbook p ± z·√(p(1−p)/n) it stays inside [0, 1] and does not
    /// collapse to a single point at 0 or n successes, which matters for the small groups a breakdown makes.
    /// </summary>
    public static ConfidenceInterval Wilson95(int successes, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        double p = (double)successes / n, z2 = Z95 * Z95;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var halfWidth = Z95 * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new(Math.Max(0, centre - halfWidth), Math.Min(1, centre + halfWidth));
    }
}
