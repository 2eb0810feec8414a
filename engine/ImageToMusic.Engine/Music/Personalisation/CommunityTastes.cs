using System.Collections.Concurrent;
using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Music.Matching;

namespace ImageToMusic.Engine.Music.Personalisation;

/// <summary>
/// Each community's <see cref="CommunityPreferences"/>, learnt from its thumbs in the store and kept for a while.
/// Freshness: a vote recorded through this process relearns its community at once (<see cref="Forget"/>, called by
/// <see cref="RelearningFeedbackStore"/>); votes recorded by other instances (Azure runs several) are seen when the
/// entry is older than <see cref="FreshFor"/>, which bounds both how stale a ranking can be and how often the store
/// is read (a cross-partition query on Cosmos DB). Thread-safe; no community (the web page, the CLI) means global ranking.
/// </summary>
public sealed class CommunityTastes(IFeedbackStore feedback, CatalogIndex catalog, TimeProvider? clock = null)
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(1);

    private readonly TimeProvider clock = clock ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, (CommunityPreferences Preferences, DateTimeOffset LearntAt)> learnt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Track> tracksById = catalog.Tracks.GroupBy(t => t.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>The community's preferences; <see cref="CommunityPreferences.Empty"/> without a community or votes.</summary>
    public async Task<CommunityPreferences> ForAsync(string? community, CancellationToken cancellation = default)
    {
        if (string.IsNullOrWhiteSpace(community)) return CommunityPreferences.Empty;
        var now = clock.GetUtcNow();
        if (learnt.TryGetValue(community, out var entry) && now - entry.LearntAt < FreshFor) return entry.Preferences;
        var preferences = await LearnAsync(community, cancellation);
        learnt[community] = (preferences, now);
        return preferences;
    }

    /// <summary>Drops what was learnt about the community, so its next ranking reads its votes again.</summary>
    public void Forget(string community) => learnt.TryRemove(community, out _);

    public void ForgetAll() => learnt.Clear();

    /// <summary>Votes on tracks no longer in the catalog say nothing about this catalog and are left out.</summary>
    private async Task<CommunityPreferences> LearnAsync(string community, CancellationToken cancellation) =>
        CommunityPreferences.Learn((await feedback.ForCommunityAsync(community, cancellation))
            .Where(v => tracksById.ContainsKey(v.TrackId))
            .Select(v => (tracksById[v.TrackId], v.Vote == Vote.Up)));
}
