namespace ImageToMusic.Engine.Music;

/// <summary>
/// Where a track sits in the image mood space: valence and arousal on the 1–9 scale (the expected
/// quadrant centre under its mood probabilities) and the most likely mood word.
/// </summary>
/// <param name="Scores">Probability of each of <see cref="MusicMoods.All"/>, summing to 1.</param>
public sealed record TrackMood(double Valence, double Arousal, string Word, IReadOnlyDictionary<string, double> Scores);
