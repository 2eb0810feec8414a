namespace ImageToMusic.Engine.Music.Training;

/// <summary>
/// Cross-validated quality of the track mood mapping: each track is predicted by a model that never saw it.
/// The JSON names are the public contract of `eval tracks`.
/// </summary>
/// <param name="Confusion">Rows: human label; columns: predicted; both in the order of <see cref="Moods"/>.</param>
public sealed record TrackMoodEvaluation(
    int Tracks,
    int Folds,
    double TrackMoodAccuracy,
    IReadOnlyDictionary<string, double> RecallPerMood,
    IReadOnlyList<string> Moods,
    int[][] Confusion)
{
    public const int DefaultFolds = 10;
    public const int Seed = 686;

    public static TrackMoodEvaluation CrossValidate(IReadOnlyList<LabelledTrack> tracks, int folds = DefaultFolds)
    {
        var outOfFold = OutOfFoldProbabilities(tracks, folds);
        var k = MusicMoods.All.Count;
        var confusion = Enumerable.Range(0, k).Select(_ => new int[k]).ToArray();
        for (var i = 0; i < tracks.Count; i++)
            confusion[tracks[i].Mood][ArgMax(outOfFold[i])]++;
        var correct = Enumerable.Range(0, k).Sum(c => confusion[c][c]);
        return new TrackMoodEvaluation(tracks.Count, folds, (double)correct / tracks.Count,
            Enumerable.Range(0, k).ToDictionary(c => MusicMoods.All[c], c => confusion[c].Sum() is var n and > 0 ? (double)confusion[c][c] / n : double.NaN),
            MusicMoods.All, confusion);
    }

    /// <summary>
    /// Each track's mood probabilities from the model trained on the other folds (stratified by label,
    /// shuffled with a fixed seed). `eval match` ranks the labelled catalog with these, so its tracks
    /// are never judged by a model that learnt their labels.
    /// </summary>
    public static double[][] OutOfFoldProbabilities(IReadOnlyList<LabelledTrack> tracks, int folds = DefaultFolds)
    {
        if (folds < 2 || folds > tracks.Count) throw new ArgumentException($"Cross-validation needs 2 … {tracks.Count} folds, got {folds}.");
        var fold = AssignFolds(tracks, folds);
        var result = new double[tracks.Count][];
        for (var f = 0; f < folds; f++)
        {
            var training = tracks.Where((_, i) => fold[i] != f).ToList();
            var model = TrackMoodTrainer.Fit(training, $"fold {f}");
            for (var i = 0; i < tracks.Count; i++)
            {
                if (fold[i] != f) continue;
                result[i] = new double[MusicMoods.All.Count];
                model.Probabilities(tracks[i].Track.Features, result[i]);
            }
        }
        return result;
    }

    private static int[] AssignFolds(IReadOnlyList<LabelledTrack> tracks, int folds)
    {
        var random = new Random(Seed);
        var fold = new int[tracks.Count];
        foreach (var group in Enumerable.Range(0, tracks.Count).GroupBy(i => tracks[i].Mood))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            for (var j = 0; j < members.Length; j++) fold[members[j]] = j % folds;
        }
        return fold;
    }

    private static int ArgMax(double[] p)
    {
        var best = 0;
        for (var i = 1; i < p.Length; i++) if (p[i] > p[best]) best = i;
        return best;
    }
}
