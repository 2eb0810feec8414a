using ImageToMusic.Engine.Music.Matching;
using ImageToMusic.Engine.Music.Personalisation;
using ImageToMusic.Engine.Storage;

namespace ImageToMusic.Engine;

/// <summary>What a door gets back for one photo: the mood, the tracks with reasons, and the ids feedback will name.</summary>
public sealed record Recommendation(
    string AnalysisId,
    string RecommendationId,
    MoodAnalysis Analysis,
    IReadOnlyList<Suggestion> Tracks,
    MatchOptions Options);

/// <summary>
/// The whole corridor for one photo: analyse, rank the catalog, record both under fresh ids (or, for a photo the
/// decoder refuses, a failure record, and the rejection is rethrown). Every door
/// (CLI, local server, function app, bots) calls this and only formats what comes back. Thread-safe.
/// </summary>
/// <param name="tastes">What each community likes; without it every ranking is the global one.</param>
public sealed class Recommender(MoodAnalyzer analyzer, CatalogIndex catalog, IAnalysisStore store, TimeProvider? clock = null, CommunityTastes? tastes = null)
{
    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    public MoodAnalyzer Analyzer => analyzer;
    public CatalogIndex Catalog => catalog;

    /// <summary>The options with the community's preferences added (unchanged without a community or tastes).</summary>
    public async Task<MatchOptions> ForCommunityAsync(MatchOptions options, string? community, CancellationToken cancellation = default) =>
        tastes is null || string.IsNullOrWhiteSpace(community) ? options : options with { Preferences = await tastes.ForAsync(community, cancellation) };

    /// <param name="source">Where the photo came from (file name, blob, URL), kept with the analysis.</param>
    /// <param name="ids">Ids to store under instead of fresh ones: work that may be delivered twice passes
    /// <see cref="RecordIds.AnalysisIdFor"/>'s, so the second delivery writes nothing new.</param>
    /// <param name="sourceVersion">Which version of the source this is (a blob's ETag), kept with the analysis.</param>
    /// <param name="community">Who asks (a Discord guild, Teams team, API client): ranks with what it has shown it likes.</param>
    public async Task<Recommendation> RecommendAsync(ReadOnlyMemory<byte> photo, string source, MatchOptions? options = null,
        (string Analysis, string Recommendation)? ids = null, string? sourceVersion = null, string? community = null, CancellationToken cancellation = default)
    {
        options = await ForCommunityAsync(options ?? new MatchOptions(), community, cancellation);
        options.Validate();
        if (catalog.Count == 0) throw new InvalidOperationException("The catalog is empty; import one first.");
        var analysisId = ids?.Analysis ?? RecordIds.NewAnalysisId();
        MoodAnalysis analysis;
        try
        {
            analysis = analyzer.Analyze(photo.Span);
        }
        catch (Imaging.ImageRejectedException refused)
        {
            // Nothing is lost silently: a photo that could not be analysed leaves a record of which one and why.
            await store.SaveFailureAsync(new AnalysisFailureRecord(analysisId, clock.GetUtcNow(), source, refused.Code, refused.Message), cancellation);
            throw;
        }
        var tracks = Matcher.Rank(catalog, MoodQuery.From(analysis), options);
        var now = clock.GetUtcNow();
        var analysisRecord = AnalysisRecord.Of(analysis, photo.Span, analysisId, now, source, sourceVersion);
        var recommendationRecord = new RecommendationRecord(ids?.Recommendation ?? RecordIds.NewRecommendationId(), analysisRecord.Id, now, options.Describe(),
            [.. tracks.Select(s => new RecommendedTrack(s.Rank, s.Track.Id, s.Track.Title, s.Track.Artist, s.Score, s.Reason))]);
        await store.SaveAsync(analysisRecord, recommendationRecord, cancellation);
        return new Recommendation(analysisRecord.Id, recommendationRecord.Id, analysis, tracks, options);
    }
}
