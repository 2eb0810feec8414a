namespace ImageToMusic.Engine.Mood.Training;

/// <summary>
/// Fits <see cref="EmotionCalibration"/> on validation scores by minimising the mean KL divergence from
/// the raters' distributions, with full-batch gradient descent from a fixed start (deterministic).
/// Only two parameters move: the shared scale and neutral's bias. A bias per keyword would re-rank the
/// keywords (it cost 12 points of top-1 when tried); these two keep their order by construction.
/// </summary>
internal static class EmotionCalibrationFit
{
    private const int Iterations = 3000;
    private const double LearningRate = 0.5;
    private static readonly int Neutral = Emotions.IndexOf("neutral");

    public static EmotionCalibration Fit(double[,] scores, IReadOnlyList<LabelledImage> images)
    {
        int n = images.Count, k = Emotions.All.Count;
        double scale = 1;
        var bias = new double[k];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            // d KL / d logit = p − target, for each image and emotion.
            double gradScale = 0;
            var gradBias = new double[k];
            for (var i = 0; i < n; i++)
            {
                var row = Enumerable.Range(0, k).Select(e => scores[i, e]).ToArray();
                var p = new EmotionCalibration(scale, bias).Apply(row);
                var target = images[i].EmotionDistribution!;
                for (var e = 0; e < k; e++)
                {
                    var g = (p[e] - target[e]) / n;
                    gradScale += g * row[e];
                    gradBias[e] += g;
                }
            }
            scale = Math.Max(1e-3, scale - LearningRate * gradScale * 10); // scores are ~0.1 apart: the scale needs a larger step; > 0 keeps the order
            bias[Neutral] -= LearningRate * gradBias[Neutral];
        }
        return new EmotionCalibration(scale, bias);
    }

    public static double MeanKl(EmotionCalibration calibration, double[,] scores, IReadOnlyList<LabelledImage> images) =>
        Enumerable.Range(0, images.Count).Average(i =>
        {
            var p = calibration.Apply([.. Enumerable.Range(0, Emotions.All.Count).Select(e => scores[i, e])]);
            return images[i].EmotionDistribution!.Select((t, e) => t > 0 ? t * Math.Log(t / Math.Max(p[e], 1e-12)) : 0).Sum();
        });
}
