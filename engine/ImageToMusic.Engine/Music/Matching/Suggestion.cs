namespace ImageToMusic.Engine.Music.Matching;

/// <summary>One suggested track: its place in the list, how well it fits, and why, in words a person understands.</summary>
/// <param name="MoodFit">How close the track's mood is to the photo's, 0 … 1: a Gaussian of their distance in the mood plane.</param>
/// <param name="Score">The log mood fit plus the evidence (and community taste) terms; what the list is ordered by.</param>
/// <param name="Fit">What a person is shown, 0 … 1: the mood fit with the evidence folded in, 1 when every cue agrees.</param>
public sealed record Suggestion(int Rank, Track Track, TrackMood Mood, double MoodFit, double Score, double Fit, string Reason);
