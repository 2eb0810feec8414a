using ImageToMusic.Engine.Music;

namespace ImageToMusic.Server.Endpoints;

/// <summary>
/// A mood as every JSON door shows it (analyses, stories, the web page, surveys): valence and arousal on 1–9, the
/// mood word they fall in, and the emotions strongest first (empty where there are none, as for a story's mood).
/// </summary>
public sealed record MoodJson(double Valence, double Arousal, string Word, IReadOnlyDictionary<string, double> Emotions)
{
    /// <param name="topEmotions">How many of the strongest emotions to keep; all when null.</param>
    public static MoodJson Of(double valence, double arousal, IReadOnlyDictionary<string, double>? emotions = null, int? topEmotions = null) =>
        new(Math.Round(valence, 3), Math.Round(arousal, 3), MusicMoods.WordOf(valence, arousal),
            (emotions ?? new Dictionary<string, double>()).OrderByDescending(kv => kv.Value).Take(topEmotions ?? int.MaxValue)
                .ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 4)));
}
