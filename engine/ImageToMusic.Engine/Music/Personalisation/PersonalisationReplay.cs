using ImageToMusic.Engine.Music.Matching;

namespace ImageToMusic.Engine.Music.Personalisation;

/// <summary>A photo in the replay: what the ranking sees (predicted mood) and the mood its human labels point to.</summary>
public sealed record ReplayPhoto(MoodQuery Query, int TrueQuadrant);

/// <param name="PhotosPerRound">Photos each community gets top-5 lists for in each round.</param>
/// <param name="NoiseRate">Chance a vote is flipped: people misclick and disagree with themselves.</param>
public sealed record ReplaySettings(int Rounds = 10, int PhotosPerRound = 25, double NoiseRate = 0.1, int Seed = 17);

/// <summary>Precision@5 of one round, personalised and not, on the same photos.</summary>
public sealed record ReplayScore(double Personalised, double Unpersonalised);

public sealed record ReplayRound(int Round, ReplayScore Overall, IReadOnlyDictionary<string, ReplayScore> PerCommunity);

/// <summary>
/// `eval personalisation`: communities with hidden tastes rate the top 5 for photos round after round; a track
/// is relevant when it carries the photo's true mood (<see cref="MusicMoods.QuadrantOf"/> of the labels against
/// the track's predicted mood word) and the community's taste likes it. Votes are relevance with fixed-seed
/// noise and feed <see cref="CommunityPreferences.Learn"/> after each round; precision@5 (true relevance, no
/// noise) is measured on the same photos with and without the preferences learnt so far, so round 1 has none.
/// </summary>
public static class PersonalisationReplay
{
    private const int Top = 5;

    public static IReadOnlyList<ReplayRound> Run(CatalogIndex index, IReadOnlyList<ReplayPhoto> photos, IReadOnlyList<HiddenTaste> communities, ReplaySettings settings)
    {
        if (photos.Count == 0) throw new InvalidOperationException("No photo to replay.");
        var random = new Random(settings.Seed);
        var votes = communities.Select(_ => new List<(Track, bool)>()).ToList();
        var preferences = communities.Select(_ => CommunityPreferences.Empty).ToArray();
        var perRound = Math.Min(settings.PhotosPerRound, photos.Count);
        var rounds = new List<ReplayRound>();
        for (var round = 1; round <= settings.Rounds; round++)
        {
            var perCommunity = new Dictionary<string, ReplayScore>();
            for (var c = 0; c < communities.Count; c++)
            {
                var taste = communities[c];
                var personalised = 0.0;
                var unpersonalised = 0.0;
                foreach (var photo in Sample(photos, perRound, random))
                {
                    bool Relevant(Suggestion s) => MusicMoods.IndexOf(s.Mood.Word) == photo.TrueQuadrant && taste.Likes(s.Track);
                    var shown = Matcher.Rank(index, photo.Query, new MatchOptions { Top = Top, Preferences = preferences[c] });
                    var global = Matcher.Rank(index, photo.Query, new MatchOptions { Top = Top });
                    personalised += shown.Count(Relevant) / (double)Top;
                    unpersonalised += global.Count(Relevant) / (double)Top;
                    foreach (var s in shown)
                        votes[c].Add((s.Track, Relevant(s) ^ (random.NextDouble() < settings.NoiseRate)));
                }
                perCommunity[taste.Name] = new ReplayScore(personalised / perRound, unpersonalised / perRound);
                preferences[c] = CommunityPreferences.Learn(votes[c]);
            }
            rounds.Add(new ReplayRound(round,
                new ReplayScore(perCommunity.Values.Average(s => s.Personalised), perCommunity.Values.Average(s => s.Unpersonalised)),
                perCommunity));
        }
        return rounds;
    }

    private static IEnumerable<ReplayPhoto> Sample(IReadOnlyList<ReplayPhoto> photos, int count, Random random)
    {
        var order = Enumerable.Range(0, photos.Count).ToArray();
        random.Shuffle(order);
        return order.Take(count).Select(i => photos[i]);
    }
}
