namespace ImageToMusic.Engine.Vision;

/// <summary>
/// Shrinks a square interleaved RGB image to planar float samples (R plane, G plane, B plane) by area averaging:
/// each target pixel is the mean of the source pixels it covers, weighted by overlap. Separable, so it costs two
/// passes over the image; at equal sizes it is an exact copy.
/// </summary>
public sealed class AreaResampler
{
    private readonly int _source;
    private readonly int _target;
    // For each target index: the first source index it overlaps and the overlap weights from there on.
    private readonly (int First, float[] Weights)[] _spans;

    public AreaResampler(int sourceSide, int targetSide)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(targetSide, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetSide, sourceSide);
        _source = sourceSide;
        _target = targetSide;
        _spans = new (int, float[])[targetSide];
        var scale = (double)sourceSide / targetSide;
        for (var t = 0; t < targetSide; t++)
        {
            double start = t * scale, end = (t + 1) * scale;
            var first = (int)Math.Floor(start);
            var last = Math.Min(sourceSide, (int)Math.Ceiling(end - 1e-9));
            var weights = new float[last - first];
            for (var s = first; s < last; s++)
                weights[s - first] = (float)((Math.Min(end, s + 1) - Math.Max(start, s)) / scale);
            _spans[t] = (first, weights);
        }
    }

    public int TargetSide => _target;

    /// <summary>Writes 3 × target² planar samples (0–255) into <paramref name="planar"/>.</summary>
    public void Resample(ReadOnlySpan<byte> rgb, Span<float> planar)
    {
        if (rgb.Length != 3 * _source * _source)
            throw new ArgumentException($"Expected {3 * _source * _source} RGB bytes, got {rgb.Length}.", nameof(rgb));
        if (planar.Length != 3 * _target * _target)
            throw new ArgumentException($"Expected room for {3 * _target * _target} samples, got {planar.Length}.", nameof(planar));

        // Horizontal pass: source rows × target columns, still interleaved.
        var rows = new float[_source * _target * 3];
        for (var y = 0; y < _source; y++)
            for (var x = 0; x < _target; x++)
            {
                var (first, weights) = _spans[x];
                float r = 0, g = 0, b = 0;
                for (var k = 0; k < weights.Length; k++)
                {
                    var i = 3 * (y * _source + first + k);
                    r += weights[k] * rgb[i];
                    g += weights[k] * rgb[i + 1];
                    b += weights[k] * rgb[i + 2];
                }
                var o = 3 * (y * _target + x);
                rows[o] = r; rows[o + 1] = g; rows[o + 2] = b;
            }

        // Vertical pass into the three planes.
        var plane = _target * _target;
        for (var y = 0; y < _target; y++)
        {
            var (first, weights) = _spans[y];
            for (var x = 0; x < _target; x++)
            {
                float r = 0, g = 0, b = 0;
                for (var k = 0; k < weights.Length; k++)
                {
                    var i = 3 * ((first + k) * _target + x);
                    r += weights[k] * rows[i];
                    g += weights[k] * rows[i + 1];
                    b += weights[k] * rows[i + 2];
                }
                var p = y * _target + x;
                planar[p] = r; planar[plane + p] = g; planar[2 * plane + p] = b;
            }
        }
    }
}
