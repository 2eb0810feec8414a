using ImageToMusic.Engine.Music.Matching;

namespace ImageToMusic.Engine.Music.Story;

/// <summary>
/// Chooses one candidate per slot so that total score minus the cost of tempo and energy jumps between
/// consecutive tracks is highest, without repeating a song or an artist.
/// </summary>
/// <remarks>
/// The best sequence is found by dynamic programming (Viterbi) over the slots' candidates. A plain Viterbi cannot
/// see repeats (the same photo twice would get the same track twice, at no jump cost), so the plan recedes: plan
/// every remaining slot, keep only the first pick, drop its song and artist from the later slots' candidates, plan
/// again from there. Every pick is therefore the best start of a repeat-free-so-far plan, and a slot never runs out
/// when every list holds at least as many candidates as there are slots (each earlier pick removes at most one
/// candidate from a list, since a list never holds an artist twice).
/// </remarks>
internal static class SmoothPath
{
    /// <summary>
    /// Score given up per BPM of tempo change. A 30 BPM jump costs 0.075, about what the tempo and energy cues of the
    /// intensity evidence add between a slow and a fast track, and well under the log-fit gap between neighbouring
    /// moods, so a story smooths its transitions among tracks that suit each photo without trading a photo's mood away;
    /// on the 10k catalog picks stay in a photo's top 20.
    /// </summary>
    public const double CostPerBpm = 0.0025;
    /// <summary>Score given up per unit of energy change (0 … 1): a 0.3 jump costs as much as 30 BPM.</summary>
    public const double CostPerEnergy = 0.25;

    /// <returns>For each slot in order, its pick; slots whose candidates were all used are left out.</returns>
    public static List<(int Slot, Candidate Pick)> Choose(CatalogIndex index, IReadOnlyList<IReadOnlyList<Candidate>> slots)
    {
        var artists = new HashSet<int>();
        var songs = new HashSet<int>();
        var chosen = new List<(int, Candidate)>(slots.Count);
        int? previous = null;
        for (var s = 0; s < slots.Count; s++)
        {
            var remaining = slots.Skip(s)
                .Select(list => list.Where(c => !artists.Contains(index.ArtistIds[c.Index]) && !songs.Contains(index.SongIds[c.Index])).ToArray())
                .ToList();
            if (remaining[0].Length == 0) continue;
            var pick = BestFirstPick(index, remaining, previous);
            chosen.Add((s, pick));
            artists.Add(index.ArtistIds[pick.Index]);
            songs.Add(index.SongIds[pick.Index]);
            previous = pick.Index;
        }
        return chosen;
    }

    public static double JumpCost(CatalogIndex index, int from, int to) =>
        CostPerBpm * Math.Abs(index.Tempo[to] - index.Tempo[from])
        + CostPerEnergy * Math.Abs(index.Tracks[to].Features.Energy - index.Tracks[from].Features.Energy);

    /// <summary>
    /// The first slot's pick in the best plan, by Viterbi run backwards (value of a candidate = its score plus the
    /// best continuation after its jump), so only the first step needs to be read off. Ties go to the higher-ranked candidate.
    /// </summary>
    private static Candidate BestFirstPick(CatalogIndex index, List<Candidate[]> slots, int? previous)
    {
        double[]? next = null;
        Candidate[]? nextSlot = null;
        for (var s = slots.Count - 1; s >= 1; s--)
        {
            if (slots[s].Length == 0) continue;
            next = Values(index, slots[s], next, nextSlot);
            nextSlot = slots[s];
        }
        var first = Values(index, slots[0], next, nextSlot);
        var best = 0;
        var bestValue = double.NegativeInfinity;
        for (var c = 0; c < first.Length; c++)
        {
            var value = first[c] - (previous is { } p ? JumpCost(index, p, slots[0][c].Index) : 0);
            if (value > bestValue) (best, bestValue) = (c, value);
        }
        return slots[0][best];
    }

    private static double[] Values(CatalogIndex index, Candidate[] slot, double[]? next, Candidate[]? nextSlot)
    {
        var values = new double[slot.Length];
        for (var c = 0; c < slot.Length; c++)
        {
            var continuation = 0.0;
            if (next is not null)
            {
                continuation = double.NegativeInfinity;
                for (var n = 0; n < next.Length; n++)
                    continuation = Math.Max(continuation, next[n] - JumpCost(index, slot[c].Index, nextSlot![n].Index));
            }
            values[c] = slot[c].Score + continuation;
        }
        return values;
    }
}
