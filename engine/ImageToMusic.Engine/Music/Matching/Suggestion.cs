namespace ImageToMusic.Engine.Music.Matching;

/// <summary>One suggested track: its place in the list, how well it fits, and why, in words a person understands.</summary>
/// <param name="MoodFit">Probability that photo and track fall in the same mood quadrant (0 … 1).</param>
/// <param name="Score">Mood fit plus the evidence terms; what the list is ordered by.</param>
public sealed record Suggestion(int Rank, Track Track, TrackMood Mood, double MoodFit, double Score, string Reason);
