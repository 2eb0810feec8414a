using ImageToMusic.Engine.Mood;
using ImageToMusic.Engine.Music.Training;

namespace ImageToMusic.Engine.Music.Matching;

/// <summary>Agreement of one ranking's top 5 with the moods the photos' human labels point to.</summary>
/// <param name="PerMood">Mean agreement over the photos whose true mood is each word (moods with no photos are absent).</param>
public sealed record AgreementScores(double AgreementAt5, double BalancedAgreementAt5, IReadOnlyDictionary<string, double> PerMood);

/// <summary>
/// `eval match`: for each labelled photo, the top 5 from a human-labelled catalog, counting tracks whose
/// label agrees with the mood the photo's true valence/arousal point to (<see cref="MusicMoods.QuadrantOf"/>).
/// The same run scores the predicted moods, the colour-only model, the true moods (ceiling) and a random
/// ranking. Catalog tracks carry out-of-fold mood probabilities, so no track is judged by a mapping that
/// learnt its own label.
/// </summary>
public sealed record MatchEvaluation(
    int Images,
    int CatalogTracks,
    IReadOnlyDictionary<string, int> ImagesPerMood,
    AgreementScores Model,
    AgreementScores ColourOnly,
    AgreementScores Ceiling,
    AgreementScores Random,
    string MoodModelVersion)
{
    public const int RandomRepeats = 20;
    public const int RandomSeed = 5;
    private const int Top = 5;

    public static MatchEvaluation Score(MoodModel model, ExtractedSet photos, IReadOnlyList<LabelledTrack> catalog, MatchTuning? tuning = null)
    {
        if (photos.Images.Count == 0) throw new InvalidOperationException("No photo could be analysed; nothing to score.");
        var tracks = catalog.Select(t => t.Track).ToList();
        var index = CatalogIndex.Build(tracks, TrackMoodEvaluation.OutOfFoldProbabilities(catalog), "out-of-fold track moods");
        var labels = catalog.Select(t => t.Mood).ToArray();
        var truth = photos.Images.Select(i => MusicMoods.QuadrantOf(i.Valence, i.Arousal)).ToArray();
        var options = new MatchOptions { Top = Top, Tuning = tuning ?? MatchTuning.Default };

        AgreementScores Ranked(Func<int, MoodQuery> query) => Agreement(truth, i =>
            Matcher.Rank(index, query(i), options).Select(s => labels[IndexOf(s.Track)]));
        var byTrack = new Dictionary<Track, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < tracks.Count; i++) byTrack[tracks[i]] = i;
        int IndexOf(Track t) => byTrack[t];

        var evidence = photos.Extracted.Select(e => e.Evidence).ToList();
        var full = photos.Extracted.Select(e => model.Full.Predict(e.Features)).ToList();
        var colour = photos.Extracted.Select(e => model.ColourOnly.Predict(e.Features)).ToList();
        return new MatchEvaluation(
            photos.Images.Count, tracks.Count,
            MusicMoods.All.Select((m, k) => (m, n: truth.Count(t => t == k))).ToDictionary(x => x.m, x => x.n),
            Ranked(i => new MoodQuery(full[i].Valence, full[i].Arousal, evidence[i])),
            Ranked(i => new MoodQuery(colour[i].Valence, colour[i].Arousal, evidence[i])),
            Ranked(i => new MoodQuery(photos.Images[i].Valence, photos.Images[i].Arousal, evidence[i])),
            RandomAgreement(truth, labels, index),
            model.Version);
    }

    /// <summary>Random lists with the same no-repeated-artist rule, averaged over fixed seeds.</summary>
    private static AgreementScores RandomAgreement(int[] truth, int[] labels, CatalogIndex index)
    {
        var random = new Random(RandomSeed);
        var runs = Enumerable.Range(0, RandomRepeats).Select(_ => Agreement(truth, _ =>
        {
            var order = Enumerable.Range(0, labels.Length).ToArray();
            random.Shuffle(order);
            return order.DistinctBy(t => index.ArtistIds[t]).Take(Top).Select(t => labels[t]);
        })).ToList();
        return new AgreementScores(runs.Average(r => r.AgreementAt5), runs.Average(r => r.BalancedAgreementAt5),
            runs[0].PerMood.Keys.ToDictionary(m => m, m => runs.Average(r => r.PerMood[m])));
    }

    private static AgreementScores Agreement(int[] truth, Func<int, IEnumerable<int>> topLabels)
    {
        var perImage = new double[truth.Length];
        for (var i = 0; i < truth.Length; i++)
            perImage[i] = topLabels(i).Count(label => label == truth[i]) / (double)Top;
        var perMood = MusicMoods.All.Select((m, k) => (m, k))
            .Where(x => truth.Contains(x.k))
            .ToDictionary(x => x.m, x => Enumerable.Range(0, truth.Length).Where(i => truth[i] == x.k).Average(i => perImage[i]));
        return new AgreementScores(perImage.Average(), perMood.Values.Average(), perMood);
    }
}
