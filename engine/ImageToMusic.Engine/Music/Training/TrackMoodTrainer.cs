using System.Security.Cryptography;
using System.Text;

namespace ImageToMusic.Engine.Music.Training;

/// <summary>
/// Fits <see cref="TrackMoodModel"/>: multinomial logistic regression by full-batch gradient descent on
/// standardised features. The penalty is fixed in advance (no search), so cross-validated accuracy is an
/// honest estimate; the problem is convex and the data small, so a fixed step and iteration count
/// reach the optimum deterministically.
/// </summary>
public static class TrackMoodTrainer
{
    public const double L2 = 1e-3;
    private const int Iterations = 2000;
    private const double Step = 1.0;

    public static TrackMoodModel Fit(IReadOnlyList<LabelledTrack> tracks, string trainedOn)
    {
        if (tracks.Count == 0) throw new InvalidOperationException("No labelled tracks to train on.");
        var present = tracks.Select(t => t.Mood).Distinct().Count();
        if (present < MusicMoods.All.Count)
            throw new InvalidOperationException($"Training needs examples of all {MusicMoods.All.Count} moods; the labels hold {present}.");
        var d = TrackMoodModel.FeatureNames.Count;
        var k = MusicMoods.All.Count;
        var raw = tracks.Select(t => { var x = new double[d]; TrackMoodModel.Read(t.Track.Features, x); return x; }).ToArray();
        var means = Enumerable.Range(0, d).Select(j => raw.Average(x => x[j])).ToArray();
        var stds = Enumerable.Range(0, d).Select(j => Math.Sqrt(raw.Average(x => Math.Pow(x[j] - means[j], 2)))).Select(s => s > 1e-12 ? s : 1.0).ToArray();
        var z = raw.Select(x => x.Select((v, j) => (v - means[j]) / stds[j]).Append(1.0).ToArray()).ToArray();

        var w = Enumerable.Range(0, k).Select(_ => new double[d + 1]).ToArray();
        var p = new double[k];
        var gradient = Enumerable.Range(0, k).Select(_ => new double[d + 1]).ToArray();
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            foreach (var g in gradient) Array.Clear(g);
            for (var i = 0; i < z.Length; i++)
            {
                Softmax(w, z[i], p);
                for (var c = 0; c < k; c++)
                {
                    var error = p[c] - (tracks[i].Mood == c ? 1 : 0);
                    for (var j = 0; j <= d; j++) gradient[c][j] += error * z[i][j];
                }
            }
            for (var c = 0; c < k; c++)
                for (var j = 0; j <= d; j++)
                    w[c][j] -= Step * (gradient[c][j] / z.Length + (j < d ? L2 * w[c][j] : 0));
        }
        return new TrackMoodModel(Version(means, stds, w), trainedOn, means, stds, w);
    }

    private static void Softmax(double[][] w, double[] x, double[] p)
    {
        var max = double.NegativeInfinity;
        for (var c = 0; c < w.Length; c++)
        {
            var s = 0.0;
            for (var j = 0; j < x.Length; j++) s += w[c][j] * x[j];
            p[c] = s;
            max = Math.Max(max, s);
        }
        var sum = 0.0;
        for (var c = 0; c < w.Length; c++) sum += p[c] = Math.Exp(p[c] - max);
        for (var c = 0; c < w.Length; c++) p[c] /= sum;
    }

    /// <summary>"tracks-" plus a hash of the parameters: retraining on the same data gives the same version.</summary>
    private static string Version(double[] means, double[] stds, double[][] w)
    {
        var text = string.Join(",", means.Concat(stds).Concat(w.SelectMany(r => r)).Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        return "tracks-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..10];
    }
}
