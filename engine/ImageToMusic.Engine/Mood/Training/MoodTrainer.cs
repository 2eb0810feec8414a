using ImageToMusic.Engine.Vision;
using MathNet.Numerics.LinearAlgebra;

namespace ImageToMusic.Engine.Mood.Training;

/// <summary>One configuration tried on validation data, for the model card.</summary>
public sealed record CandidateScore(string Head, string FeatureSet, double PenaltyFactor, double? KeywordBlend, double ValidationScore);

/// <summary>The trained model with the evidence of how it was chosen.</summary>
public sealed record TrainingResult(
    MoodModel Model,
    IReadOnlyList<CandidateScore> Candidates,
    IReadOnlyDictionary<string, CandidateScore> Chosen,
    MoodScores Validation,
    MoodScores ColourOnlyValidation);

/// <summary>
/// Trains the mood heads on the train split and makes every choice (feature set, ridge penalty,
/// emotion target blend, calibrations) on the validation split. Deterministic:
/// no random initialisation, no sampling, and parallel work writes disjoint cells.
/// </summary>
public sealed class MoodTrainer(Action<string> log)
{
    public TrainingResult Train(
        IReadOnlyList<LabelledImage> trainImages, IReadOnlyList<ImageFeatures> trainFeatures,
        IReadOnlyList<LabelledImage> validationImages, IReadOnlyList<ImageFeatures> validationFeatures,
        string trainedOn)
    {
        var data = new SplitData(trainImages, trainFeatures, validationImages, validationFeatures);
        var names = FeatureSets.Candidates.Values.Concat(FeatureSets.ColourOnly.Values).SelectMany(s => s).Distinct().ToList();
        var blocks = new Dictionary<string, StandardisedBlock>();
        foreach (var name in names)
        {
            blocks[name] = new StandardisedBlock(name, trainFeatures, validationFeatures);
            log($"standardised {name} ({blocks[name].Block.Dimension} dims) [{blocks.Count}/{names.Count}]");
        }

        var candidates = new List<CandidateScore>();
        var (full, fullChosen) = FitHeads("full", FeatureSets.Candidates, blocks, data, candidates);
        var (colourOnly, colourChosen) = FitHeads("colour_only", FeatureSets.ColourOnly, blocks, data, candidates);

        var version = MoodModelFile.ContentVersion("mood-e6", full, colourOnly);
        var model = new MoodModel(version, ResNetBackbone.FileName, trainedOn, full, colourOnly);
        var chosen = fullChosen.Concat(colourChosen).ToDictionary(c => c.Key, c => c.Value);
        return new TrainingResult(model, candidates, chosen,
            MoodScores.Compute(validationImages, [.. validationFeatures.Select(full.Predict)]),
            MoodScores.Compute(validationImages, [.. validationFeatures.Select(colourOnly.Predict)]));
    }

    private sealed record SplitData(
        IReadOnlyList<LabelledImage> TrainImages, IReadOnlyList<ImageFeatures> TrainFeatures,
        IReadOnlyList<LabelledImage> ValidationImages, IReadOnlyList<ImageFeatures> ValidationFeatures);

    private sealed record Fitted(KernelRidge Ridge, Matrix<double> Alpha, double[] Means, double Lambda, double[,] ValidationPredictions, CandidateScore Score);

    private (MoodHeads Heads, Dictionary<string, CandidateScore> Chosen) FitHeads(
        string model, IReadOnlyDictionary<string, string[]> featureSets, IReadOnlyDictionary<string, StandardisedBlock> blocks,
        SplitData data, List<CandidateScore> report)
    {
        var trueValence = data.ValidationImages.Select(i => i.Valence).ToArray();
        var trueArousal = data.ValidationImages.Select(i => i.Arousal).ToArray();
        Fitted? valence = null, arousal = null, emotions = null;

        foreach (var (setName, setBlocks) in featureSets)
        {
            var ridge = new KernelRidge([.. setBlocks.Select(b => blocks[b])]);
            foreach (var factor in FeatureSets.PenaltyFactors)
            {
                var lambda = factor * ridge.MeanEigenvalue;
                valence = Better(valence, FitRegression(ridge, "valence", setName, factor, lambda, data.TrainImages.Select(i => i.Valence), trueValence));
                arousal = Better(arousal, FitRegression(ridge, "arousal", setName, factor, lambda, data.TrainImages.Select(i => i.Arousal), trueArousal));
                foreach (var blend in FeatureSets.KeywordBlends)
                    emotions = Better(emotions, FitEmotions(ridge, setName, factor, lambda, blend, data));
            }
            log($"{model}: tried {setName}; best so far valence r {valence!.Score.ValidationScore:F3} ({valence.Score.FeatureSet}), " +
                $"arousal r {arousal!.Score.ValidationScore:F3} ({arousal.Score.FeatureSet}), emotion top-1 {emotions!.Score.ValidationScore:F3} ({emotions.Score.FeatureSet})");
        }

        void Record(Fitted f) => report.Add(f.Score);
        var emotionCalibration = EmotionCalibrationFit.Fit(emotions!.ValidationPredictions, data.ValidationImages);
        log($"{model}: emotion distribution calibrated on val, mean KL to raters {EmotionCalibrationFit.MeanKl(emotionCalibration, emotions.ValidationPredictions, data.ValidationImages):F3} " +
            $"(uncalibrated scores: {EmotionCalibrationFit.MeanKl(new EmotionCalibration(1, new double[Emotions.All.Count]), emotions.ValidationPredictions, data.ValidationImages):F3})");
        var heads = new MoodHeads(
            new[] { valence!, arousal!, emotions! }.SelectMany(f => f.Ridge.BlockNames).Distinct().ToDictionary(n => n, n => blocks[n].Block),
            valence!.Ridge.ToHead(valence.Alpha, valence.Means, valence.Lambda), Calibration(Column(valence.ValidationPredictions, 0), trueValence),
            arousal!.Ridge.ToHead(arousal.Alpha, arousal.Means, arousal.Lambda), Calibration(Column(arousal.ValidationPredictions, 0), trueArousal),
            emotions.Ridge.ToHead(emotions.Alpha, emotions.Means, emotions.Lambda), emotionCalibration);
        return (heads, new Dictionary<string, CandidateScore>
        {
            [$"{model}.valence"] = valence.Score, [$"{model}.arousal"] = arousal.Score, [$"{model}.emotions"] = emotions.Score,
        });

        Fitted Better(Fitted? best, Fitted candidate)
        {
            Record(candidate);
            return best is null || candidate.Score.ValidationScore > best.Score.ValidationScore ? candidate : best;
        }
    }

    private static Fitted FitRegression(KernelRidge ridge, string head, string set, double factor, double lambda, IEnumerable<double> trainTargets, double[] validationTruth)
    {
        var targets = trainTargets.ToArray();
        var y = new double[targets.Length, 1];
        for (var i = 0; i < targets.Length; i++) y[i, 0] = targets[i];
        var (alpha, means) = ridge.Fit(y, lambda);
        var predictions = ridge.PredictValidation(alpha, means);
        var r = MoodScores.Pearson(Column(predictions, 0), validationTruth);
        return new Fitted(ridge, alpha, means, lambda, predictions, new CandidateScore(head, set, factor, null, r));
    }

    private static Fitted FitEmotions(KernelRidge ridge, string set, double factor, double lambda, double blend, SplitData data)
    {
        var y = new double[data.TrainImages.Count, Emotions.All.Count];
        for (var i = 0; i < data.TrainImages.Count; i++)
        {
            var image = data.TrainImages[i];
            var distribution = image.EmotionDistribution ?? throw new InvalidDataException($"{image.Id} has no emotion distribution.");
            var keyword = Emotions.IndexOf(image.Keyword ?? "");
            for (var e = 0; e < Emotions.All.Count; e++)
                y[i, e] = (1 - blend) * distribution[e] + blend * (e == keyword ? 1 : 0);
        }
        var (alpha, means) = ridge.Fit(y, lambda);
        var predictions = ridge.PredictValidation(alpha, means);
        var correct = 0;
        for (var i = 0; i < data.ValidationImages.Count; i++)
        {
            var best = Enumerable.Range(0, Emotions.Keywords.Count).MaxBy(e => predictions[i, e]);
            if (Emotions.Keywords[best] == data.ValidationImages[i].Keyword) correct++;
        }
        return new Fitted(ridge, alpha, means, lambda, predictions,
            new CandidateScore("emotions", set, factor, blend, correct / (double)data.ValidationImages.Count));
    }

    /// <summary>Least-squares line from raw prediction to truth: undoes ridge's shrinkage towards the mean.</summary>
    private static (double Offset, double Scale) Calibration(double[] predicted, double[] truth)
    {
        double mp = predicted.Average(), mt = truth.Average(), cov = 0, var = 0;
        for (var i = 0; i < predicted.Length; i++)
        {
            cov += (predicted[i] - mp) * (truth[i] - mt);
            var += (predicted[i] - mp) * (predicted[i] - mp);
        }
        var scale = var > 0 ? cov / var : 1;
        return (mt - scale * mp, scale);
    }

    private static double[] Column(double[,] matrix, int column) =>
        [.. Enumerable.Range(0, matrix.GetLength(0)).Select(i => matrix[i, column])];
}
