using System.Numerics.Tensors;
using ImageToMusic.Engine.Music.Matching;
using MathNet.Numerics.LinearAlgebra;

namespace ImageToMusic.Engine.Music.Personalisation;

/// <summary>
/// Which musical directions a community (a Discord guild, a Teams team, an API client) prefers, learnt from its
/// thumbs on suggested tracks. The suggestions were already chosen for the photo's mood, so the contrast between
/// liked and disliked ones among them is what the community wants beyond the mood fit; an intercept absorbs how
/// often it likes anything at all.
/// <para>
/// The model is a logistic regression of "thumb up" on <see cref="TasteFeatures"/> and genre, with a ridge prior
/// worth <see cref="PriorStrength"/> that pulls every weight towards zero: with few votes the preferences are
/// near nothing and the ranking stays the global one. Its weights become a score term bounded by
/// <see cref="MaxShift"/> either way, so a track whose mood fit (plus evidence) beats another's by more than
/// 2 × <see cref="MaxShift"/> keeps its place whatever the community likes.
/// </para>
/// </summary>
public sealed class CommunityPreferences
{
    /// <summary>
    /// Largest amount the preferences add to or take from any track's score (a log mood fit; the visual evidence adds
    /// at most 0.57): a community can reorder tracks that fit the photo about equally well, never turn a sad photo's
    /// music happy.
    /// </summary>
    public const double MaxShift = 0.3;
    /// <summary>Score added per unit of log-odds of a thumb up, before the bound.</summary>
    public const double ScorePerLogOdds = 0.15;
    /// <summary>Ridge penalty on each weight: small enough that a few dozen consistent votes move it, large enough that a handful do not.</summary>
    public const double PriorStrength = 4;
    private const int NewtonSteps = 25;

    private CommunityPreferences(double[] featureWeights, IReadOnlyDictionary<string, double> genreWeights, int votes)
    {
        FeatureWeights = featureWeights;
        GenreWeights = genreWeights;
        Votes = votes;
    }

    public static CommunityPreferences Empty { get; } = new(new double[TasteFeatures.All.Count], new Dictionary<string, double>(), 0);

    /// <summary>Score weight per <see cref="TasteFeatures.All"/> feature, in that order.</summary>
    public IReadOnlyList<double> FeatureWeights { get; }
    /// <summary>Score weight per genre seen in the votes; a track gets the mean over its genres.</summary>
    public IReadOnlyDictionary<string, double> GenreWeights { get; }
    public int Votes { get; }
    public bool IsEmpty => FeatureWeights.All(w => w == 0) && GenreWeights.Values.All(w => w == 0);

    /// <summary>Fits the preferences to every vote the community has cast (order does not matter).</summary>
    public static CommunityPreferences Learn(IEnumerable<(Track Track, bool Up)> votes)
    {
        var list = votes.ToList();
        if (list.Count == 0) return Empty;
        var genres = list.SelectMany(v => v.Track.Genres).Select(Normalise).Distinct().Order(StringComparer.Ordinal).ToList();
        var x = Matrix<double>.Build.Dense(list.Count, 1 + TasteFeatures.All.Count + genres.Count);
        var y = Vector<double>.Build.Dense(list.Count, i => list[i].Up ? 1 : 0);
        for (var i = 0; i < list.Count; i++)
        {
            var row = Describe(list[i].Track, genres);
            for (var j = 0; j < row.Length; j++) x[i, j] = row[j];
        }
        var w = FitLogistic(x, y);
        var features = Enumerable.Range(0, TasteFeatures.All.Count).Select(f => ScorePerLogOdds * w[1 + f]).ToArray();
        var genreWeights = genres.Select((g, k) => (g, ScorePerLogOdds * w[1 + TasteFeatures.All.Count + k])).ToList();
        // Features lie in −1 … 1 and a track's genre term is a mean of genre weights, so this sum bounds the term.
        var reach = features.Sum(Math.Abs) + genreWeights.Select(g => Math.Abs(g.Item2)).DefaultIfEmpty().Max();
        var shrink = reach > MaxShift ? MaxShift / reach : 1;
        return new CommunityPreferences([.. features.Select(f => f * shrink)],
            genreWeights.ToDictionary(g => g.g, g => g.Item2 * shrink, StringComparer.OrdinalIgnoreCase), list.Count);
    }

    /// <summary>Adds the preference term to scores computed by <see cref="Matcher.Score"/> for the same index.</summary>
    internal void AddTo(CatalogIndex index, Span<float> scores)
    {
        if (IsEmpty) return;
        for (var f = 0; f < FeatureWeights.Count; f++)
            if (FeatureWeights[f] != 0)
                TensorPrimitives.MultiplyAdd(index.Columns[CatalogIndex.TasteColumnStart + f], (float)FeatureWeights[f], scores, scores);
        if (GenreWeights.Count == 0) return;
        var byGenreId = new float[index.GenreNames.Count];
        foreach (var name in index.GenreNames)
            if (GenreWeights.TryGetValue(Normalise(name), out var weight)) byGenreId[index.GenreId(name)] = (float)weight;
        for (var i = 0; i < scores.Length; i++)
        {
            var ids = index.Genres[i];
            if (ids.Length == 0) continue;
            var sum = 0f;
            foreach (var id in ids) sum += byGenreId[id];
            scores[i] += sum / ids.Length;
        }
    }

    /// <summary>A vote's regressors: 1 for the intercept, the taste features, then the track's share of each genre.</summary>
    private static double[] Describe(Track track, List<string> genres)
    {
        var row = new double[1 + TasteFeatures.All.Count + genres.Count];
        row[0] = 1;
        for (var f = 0; f < TasteFeatures.All.Count; f++) row[1 + f] = TasteFeatures.All[f].Of(track.Features);
        foreach (var g in track.Genres)
            row[1 + TasteFeatures.All.Count + genres.IndexOf(Normalise(g))] += 1.0 / track.Genres.Count;
        return row;
    }

    /// <summary>Penalised maximum likelihood by Newton's method; the intercept is barely penalised so the base rate is free.</summary>
    private static Vector<double> FitLogistic(Matrix<double> x, Vector<double> y)
    {
        var penalty = Vector<double>.Build.Dense(x.ColumnCount, j => j == 0 ? 1e-3 : PriorStrength);
        var w = Vector<double>.Build.Dense(x.ColumnCount);
        for (var step = 0; step < NewtonSteps; step++)
        {
            var p = (x * w).Map(z => 1 / (1 + Math.Exp(-z)));
            var gradient = x.TransposeThisAndMultiply(y - p) - penalty.PointwiseMultiply(w);
            var hessian = x.TransposeThisAndMultiply(Matrix<double>.Build.DenseOfRowVectors(
                Enumerable.Range(0, x.RowCount).Select(i => x.Row(i) * (p[i] * (1 - p[i]))))) + Matrix<double>.Build.DenseOfDiagonalVector(penalty);
            var change = hessian.Solve(gradient);
            w += change;
            if (change.AbsoluteMaximum() < 1e-9) break;
        }
        return w;
    }

    private static string Normalise(string genre) => genre.Trim().ToLowerInvariant();
}
