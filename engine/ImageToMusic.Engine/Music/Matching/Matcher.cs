using System.Buffers;
using System.Numerics.Tensors;

namespace ImageToMusic.Engine.Music.Matching;

/// <summary>
/// Ranks a catalog for a photo. A track's score is its mood fit (the probability photo and track share a
/// mood quadrant) plus small evidence terms (<see cref="EvidenceAxes"/>): the mood picks the quadrant,
/// the evidence picks among tracks that fit it equally; a community's learnt preferences
/// (<see cref="MatchOptions.Preferences"/>) add a bounded term on top. The list never repeats a song or an artist, and
/// ties go to the track first in catalog order, so the same input always gives the same list.
/// </summary>
public static class Matcher
{
    /// <summary>Candidates kept per requested track before diversity; grows if too many share artists.</summary>
    private const int CandidatesPerPick = 8;

    public static IReadOnlyList<Suggestion> Rank(CatalogIndex index, MoodQuery query, MatchOptions? options = null)
    {
        options ??= new MatchOptions();
        options.Validate();
        var weights = QueryWeights(query);
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

    /// <summary>The query as weights on the index's columns: quadrant probabilities, then axis weight × image direction.</summary>
    public static float[] QueryWeights(MoodQuery query)
    {
        var weights = new float[CatalogIndex.ColumnCount];
        Span<double> quadrants = stackalloc double[CatalogIndex.MoodColumns];
        query.QuadrantProbabilities(quadrants);
        for (var k = 0; k < quadrants.Length; k++) weights[k] = (float)quadrants[k];
        for (var a = 0; a < EvidenceAxes.All.Count; a++)
            weights[CatalogIndex.MoodColumns + a] = (float)(EvidenceAxes.All[a].Weight * EvidenceAxis.Direction(EvidenceAxes.All[a].ImageCues(query)));
        return weights;
    }

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
        var moodFit = 0.0;
        for (var k = 0; k < CatalogIndex.MoodColumns; k++) moodFit += weights[k] * index.Columns[k][i];
        return new Suggestion(rank, index.Tracks[i], mood, moodFit, candidate.Score, Reasons.For(reasonFor, index.Tracks[i].Features, mood));
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
