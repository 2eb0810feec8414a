using ImageToMusic.Engine.Mood;

namespace ImageToMusic.Engine.Music.Matching;

/// <summary>How the top 5's audio follows the photos' human-rated mood, for one way of ranking.</summary>
/// <param name="ValenceR">Pearson r between a photo's human valence and the mean Spotify valence of its top 5.</param>
/// <param name="EnergyR">Pearson r between a photo's human arousal and the mean Spotify energy of its top 5.</param>
public sealed record Alignment(double ValenceR, double EnergyR);

/// <summary>
/// `eval match`'s second half: over labelled photos and a real catalog (9,338 songs by default), does the music
/// move with the photos? Scores the model's ranking beside the true mood fed in (ceiling), the colour-only model and
/// random picks; also the share of suggested tracks that are not songs and the share of lists whose five displayed
/// fits are all equal.
/// </summary>
/// <param name="NonSongShare">Share of the model's top-5 tracks <see cref="Catalog.NonSongRule"/> marks, as ranked by default.</param>
/// <param name="NonSongShareIfIncluded">The same with non-songs let in: what the matcher would pick without the rule.</param>
/// <param name="CatalogNonSongShare">Share of the catalog the rule marks.</param>
/// <param name="TiedListsShare">Share of photos whose five displayed fits (to 0.1 percent, as shown) are all equal.</param>
public sealed record AlignmentEvaluation(
    int Images,
    int CatalogTracks,
    Alignment Model,
    Alignment Ceiling,
    Alignment ColourOnly,
    Alignment Random,
    double NonSongShare,
    double NonSongShareIfIncluded,
    double CatalogNonSongShare,
    double TiedListsShare)
{
    public const int Top = 5;

    public static AlignmentEvaluation Score(MoodModel model, ExtractedSet photos, CatalogIndex catalog, MatchTuning tuning)
    {
        if (photos.Images.Count == 0) throw new InvalidOperationException("No photo could be analysed; nothing to score.");
        var options = new MatchOptions { Top = Top, Tuning = tuning };
        var truthValence = photos.Images.Select(i => i.Valence).ToArray();
        var truthArousal = photos.Images.Select(i => i.Arousal).ToArray();
        var evidence = photos.Extracted.Select(e => e.Evidence).ToList();
        var full = photos.Extracted.Select(e => model.Full.Predict(e.Features)).ToList();
        var colour = photos.Extracted.Select(e => model.ColourOnly.Predict(e.Features)).ToList();
        MoodQuery Predicted(int i) => new(full[i].Valence, full[i].Arousal, evidence[i]);

        var modelLists = Enumerable.Range(0, photos.Images.Count).Select(i => Matcher.Rank(catalog, Predicted(i), options)).ToList();
        var withNonSongs = Enumerable.Range(0, photos.Images.Count)
            .SelectMany(i => Matcher.Rank(catalog, Predicted(i), options with { IncludeNonSongs = true })).ToList();

        return new AlignmentEvaluation(
            photos.Images.Count, catalog.Count,
            Aligned(modelLists.Select(l => l.Select(s => s.Track))),
            Aligned(Enumerable.Range(0, photos.Images.Count).Select(i =>
                Matcher.Rank(catalog, new MoodQuery(truthValence[i], truthArousal[i], evidence[i]), options).Select(s => s.Track))),
            Aligned(Enumerable.Range(0, photos.Images.Count).Select(i =>
                Matcher.Rank(catalog, new MoodQuery(colour[i].Valence, colour[i].Arousal, evidence[i]), options).Select(s => s.Track))),
            RandomAlignment(catalog, photos.Images.Count),
            modelLists.SelectMany(l => l).Count(s => !Catalog.NonSongRule.IsSong(s.Track)) / (double)(modelLists.Sum(l => l.Count)),
            withNonSongs.Count(s => !Catalog.NonSongRule.IsSong(s.Track)) / (double)withNonSongs.Count,
            Enumerable.Range(0, catalog.Count).Count(i => !catalog.IsSong(i)) / (double)catalog.Count,
            modelLists.Count(l => l.Count == Top && l.Select(s => Math.Round(s.Fit * 1000)).Distinct().Count() == 1) / (double)modelLists.Count);

        Alignment Aligned(IEnumerable<IEnumerable<Track>> lists)
        {
            var tops = lists.Select(l => l.ToList()).ToList();
            return new Alignment(
                MoodScores.Pearson([.. tops.Select(t => t.Average(x => x.Features.Valence))], truthValence),
                MoodScores.Pearson([.. tops.Select(t => t.Average(x => x.Features.Energy))], truthArousal));
        }

        // Five songs drawn at random per photo (non-songs left out, as by default), averaged over fixed seeds.
        Alignment RandomAlignment(CatalogIndex index, int count)
        {
            var songs = Enumerable.Range(0, index.Count).Where(index.IsSong).Select(i => index.Tracks[i]).ToArray();
            var runs = Enumerable.Range(0, MatchEvaluation.RandomRepeats).Select(seed =>
            {
                var random = new Random(MatchEvaluation.RandomSeed + seed);
                return Aligned(Enumerable.Range(0, count).Select(_ => random.GetItems(songs, Top)));
            }).ToList();
            return new Alignment(runs.Average(r => r.ValenceR), runs.Average(r => r.EnergyR));
        }
    }
}
