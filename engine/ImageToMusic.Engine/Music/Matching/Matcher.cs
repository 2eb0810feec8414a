using System.Buffers;
using System.Numerics.Tensors;

namespace ImageToMusic.Engine.Music.Matching;

/// <summary>
/// Ranks a catalog for a photo. Photo and tracks share one mood plane (valence × arousal, 1–9). A track's score is
/// the log of its mood fit, a Gaussian of its distance from the photo's mood whose width is the photo's uncertainty
/// plus the track's (<see cref="MatchTuning"/>), plus small evidence terms (<see cref="EvidenceAxes"/>): a neutral
/// photo gets music from the middle of the plane, an extreme one extreme music, and the evidence picks among tracks
/// about as close. A community's learnt preferences (<see cref="MatchOptions.Preferences"/>) add a bounded term on top.
/// The list never repeats a song or an artist, leaves out non-songs unless asked, and ties go to the track first in
/// catalog order, so the same input always gives the same list.
/// </summary>
public static class Matcher
{
    /// <summary>Candidates kept per requested track before diversity; grows if too many share artists.</summary>
    private const int CandidatesPerPick = 8;

    public static IReadOnlyList<Suggestion> Rank(CatalogIndex index, MoodQuery query, MatchOptions? options = null)
    {
        options ??= new MatchOptions();
        options.Validate();
        var weights = QueryWeights(index, query, options.Tuning);
        var candidates = Candidates(index, weights, options, options.Top);
        return [.. candidates.Select((c, k) => Describe(index, query, weights, c, k + 1))];
    }

    /// <summary>
    /// The best <paramref name="count"/> tracks for the given column weights with their scores, best first, under
    /// <paramref name="filters"/> (its Top is not used) and the no-repeated-song-or-artist rule: what
    /// <see cref="Rank"/> lists, for callers that choose among the candidates themselves.
    /// </summary>
    internal static List<Candidate> Candidates(CatalogIndex index, ReadOnlySpan<float> weights, MatchOptions filters, int count)
    {
        var scores = ArrayPool<float>.Shared.Rent(index.Count);
        try
        {
            var span = scores.AsSpan(0, index.Count);
            Score(index, weights, span);
            filters.Preferences?.AddTo(index, span);
            if (!filters.IncludeNonSongs) TensorPrimitives.Add(span, index.NonSongPenalty, span);
            if (filters.HasFilters) Exclude(index, filters, span);
            var picks = PickDiverse(index, span, count);
            var candidates = new List<Candidate>(picks.Count);
            foreach (var i in picks) candidates.Add(new Candidate(i, span[i]));
            return candidates;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    /// <summary>
    /// The query as weights on the index's columns. The photo's mood is placed among the tracks at (v, a)
    /// (<see cref="MatchTuning"/>); with widths s_v, s_a the log fit of a track at (V, A) is
    /// −(V − v)²/2s_v² − (A − a)²/2s_a², which expands to weights on V, V², A, A² plus a constant that is the same
    /// for every track (left out of the ranking, restored by <see cref="MoodFit"/>); then axis weight × image direction.
    /// </summary>
    public static float[] QueryWeights(CatalogIndex index, MoodQuery query, MatchTuning? tuning = null)
    {
        tuning ??= MatchTuning.Default;
        var weights = new float[CatalogIndex.ColumnCount];
        var valence = Math.Clamp(MusicMoods.Midpoint + tuning.ValenceGain * (query.Valence - MusicMoods.Midpoint), index.ValenceRange.Low, index.ValenceRange.High);
        var arousal = Math.Clamp(MusicMoods.Midpoint + tuning.ArousalGain * (query.Arousal - MusicMoods.Midpoint), index.ArousalRange.Low, index.ArousalRange.High);
        var (sv2, sa2) = (tuning.ValenceWidth * tuning.ValenceWidth, tuning.ArousalWidth * tuning.ArousalWidth);
        weights[0] = (float)(valence / sv2);
        weights[1] = (float)(-1 / (2 * sv2));
        weights[2] = (float)(arousal / sa2);
        weights[3] = (float)(-1 / (2 * sa2));
        for (var a = 0; a < EvidenceAxes.All.Count; a++)
            weights[CatalogIndex.PositionColumns + a] =
                (float)(tuning.EvidenceScale * EvidenceAxes.All[a].Weight * EvidenceAxis.Direction(EvidenceAxes.All[a].ImageCues(query)));
        return weights;
    }

    /// <summary>
    /// The mood fit (0 … 1) of track <paramref name="i"/> under <paramref name="weights"/>: e^(log fit), 1 where the
    /// track sits exactly where the weights' Gaussian peaks (for a story's averaged weights, the photos' mean mood).
    /// </summary>
    public static double MoodFit(CatalogIndex index, ReadOnlySpan<float> weights, int i)
    {
        var (valence, arousal) = ((double)index.Columns[0][i], (double)index.Columns[2][i]);
        var logFit = weights[0] * valence + weights[1] * valence * valence + weights[2] * arousal + weights[3] * arousal * arousal;
        return Math.Exp(logFit + PeakOffset(weights));
    }

    /// <summary>
    /// The constant the ranking leaves out: w·x + q·x² is largest at x* = −w/2q, where it equals −w²/4q, so adding
    /// w²/4q per axis measures a log fit from the Gaussian's peak (0 there, negative elsewhere).
    /// </summary>
    private static double PeakOffset(ReadOnlySpan<float> weights) =>
        (double)weights[0] * weights[0] / (4.0 * weights[1]) + (double)weights[2] * weights[2] / (4.0 * weights[3]);

    public static void Score(CatalogIndex index, ReadOnlySpan<float> weights, Span<float> scores)
    {
        TensorPrimitives.Multiply(index.Columns[0], weights[0], scores);
        for (var c = 1; c < weights.Length; c++)
            if (weights[c] != 0) // the taste columns carry no query weight; skipping them keeps ranking as fast as before
                TensorPrimitives.MultiplyAdd(index.Columns[c], weights[c], scores, scores);
    }

    private static void Exclude(CatalogIndex index, MatchOptions options, Span<float> scores)
    {
        var genre = options.Genre is { } g ? index.GenreId(g) : -1;
        var minTempo = (float)(options.MinTempo ?? double.NegativeInfinity);
        var maxTempo = (float)(options.MaxTempo ?? double.PositiveInfinity);
        for (var i = 0; i < scores.Length; i++)
        {
            var excluded = (options.ExcludeExplicit && index.Explicit[i] == 1)
                           || index.Tempo[i] < minTempo || index.Tempo[i] > maxTempo
                           || (options.Genre is not null && Array.IndexOf(index.Genres[i], genre) < 0);
            if (excluded) scores[i] = float.NegativeInfinity;
        }
    }

    /// <summary>The best tracks in score order (ties: catalog order), skipping repeated songs and artists.</summary>
    private static List<int> PickDiverse(CatalogIndex index, ReadOnlySpan<float> scores, int top)
    {
        for (var keep = top * CandidatesPerPick; ; keep *= 4)
        {
            var candidates = TopCandidates(scores, keep);
            var picks = new List<int>(top);
            var artists = new HashSet<int>();
            var songs = new HashSet<int>();
            foreach (var i in candidates)
            {
                if (!artists.Add(index.ArtistIds[i]) || !songs.Add(index.SongIds[i])) continue;
                picks.Add(i);
                if (picks.Count == top) return picks;
            }
            if (candidates.Count < keep) return picks; // every eligible track was seen
        }
    }

    /// <summary>Indices of the <paramref name="keep"/> highest finite scores, best first, in one pass with a bounded heap.</summary>
    private static List<int> TopCandidates(ReadOnlySpan<float> scores, int keep)
    {
        // The heap's root is the weakest kept candidate: lowest score, and among equals the latest in catalog order.
        var heap = new PriorityQueue<int, (float Score, int Index)>(keep + 1, WeakestFirst.Instance);
        for (var i = 0; i < scores.Length; i++)
        {
            var s = scores[i];
            if (float.IsNegativeInfinity(s)) continue;
            if (heap.Count < keep) heap.Enqueue(i, (s, i));
            else if (heap.TryPeek(out _, out var weakest) && s > weakest.Score) heap.EnqueueDequeue(i, (s, i));
        }
        var result = new List<int>(heap.Count);
        while (heap.TryDequeue(out var i, out _)) result.Add(i);
        result.Reverse();
        return result;
    }

    private sealed class WeakestFirst : IComparer<(float Score, int Index)>
    {
        public static readonly WeakestFirst Instance = new();
        public int Compare((float Score, int Index) a, (float Score, int Index) b) =>
            a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Index.CompareTo(a.Index);
    }

    /// <summary>
    /// The suggestion for one candidate: fit and score under <paramref name="weights"/> (what it was ranked by), the reason
    /// from <paramref name="reasonFor"/>'s evidence.
    /// </summary>
    internal static Suggestion Describe(CatalogIndex index, MoodQuery reasonFor, ReadOnlySpan<float> weights, Candidate candidate, int rank)
    {
        var i = candidate.Index;
        var mood = index.MoodOf(i);
        // The fit a person sees: the whole score (log mood fit, evidence and taste terms) measured from the best it could
        // be, the Gaussian's peak with every cue agreeing, so that it reads as a share (100% = right mood, every cue
        // agreeing) and differs where the tracks do.
        var fit = Math.Clamp(Math.Exp(candidate.Score + PeakOffset(weights) - MaxBonus(weights)), 0, 1);
        return new Suggestion(rank, index.Tracks[i], mood, MoodFit(index, weights, i), candidate.Score, fit,
            Reasons.For(reasonFor, index.Tracks[i].Features, mood));
    }

    /// <summary>The most the evidence terms can add under these weights: every track cue fully agreeing.</summary>
    private static double MaxBonus(ReadOnlySpan<float> weights)
    {
        var sum = 0.0;
        for (var c = CatalogIndex.PositionColumns; c < CatalogIndex.TasteColumnStart; c++) sum += Math.Abs(weights[c]);
        return sum;
    }

    /// <summary>One track's score under given weights, as <see cref="Score"/> computes it for the whole catalog.</summary>
    internal static float ScoreOf(CatalogIndex index, ReadOnlySpan<float> weights, int i)
    {
        var score = 0f;
        for (var c = 0; c < weights.Length; c++) score += weights[c] * index.Columns[c][i];
        return score;
    }
}

/// <summary>A catalog position and its score, before it is described as a <see cref="Suggestion"/>.</summary>
internal readonly record struct Candidate(int Index, float Score);
