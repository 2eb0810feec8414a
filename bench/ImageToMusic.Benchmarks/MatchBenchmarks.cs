using BenchmarkDotNet.Attributes;
using ImageToMusic.Engine;
using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Music.Catalog;
using ImageToMusic.Engine.Music.Matching;

namespace ImageToMusic.Benchmarks;

/// <summary>
/// Ranking one photo's mood against the real 10k catalog and a generated 1M-track one (resampled from it),
/// single-threaded. Each invocation ranks the next of 64 spread-out queries, so no query is favoured.
/// </summary>
[MemoryDiagnoser]
public class MatchBenchmarks
{
    private CatalogIndex _index = null!;
    private IReadOnlyList<MoodQuery> _queries = null!;
    private int _next;

    [Params(0, 1_000_000)]
    public int GeneratedTracks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = Environment.GetEnvironmentVariable("IMAGETOMUSIC_DATA")
                   ?? throw new InvalidOperationException("Set IMAGETOMUSIC_DATA to the shared data folder.");
        var real = CatalogFile.ReadDistinct(Path.Combine(data, "catalog", "spotify_songs_9961.csv"));
        var tracks = GeneratedTracks == 0 ? real : SyntheticCatalog.Generate(real, GeneratedTracks);
        _index = CatalogIndex.Build(tracks, TrackMoodModelFile.Load(Path.Combine(ModelLocation.Resolve(), TrackMoodModel.DefaultFileName)));
        _queries = SyntheticCatalog.Queries(64);
    }

    [Benchmark]
    public int RankTop5() => Matcher.Rank(_index, _queries[_next++ % _queries.Count]).Count;
}
