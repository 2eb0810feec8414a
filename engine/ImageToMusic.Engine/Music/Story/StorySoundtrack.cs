using ImageToMusic.Engine.Music.Matching;

namespace ImageToMusic.Engine.Music.Story;

/// <summary>How the music changes from the previous track: what a listener hears as a jump.</summary>
public sealed record StoryTransition(double TempoDeltaBpm, double EnergyDelta)
{
    public static StoryTransition Between(Track previous, Track next) =>
        new(next.Features.TempoBpm - previous.Features.TempoBpm, next.Features.Energy - previous.Features.Energy);

    /// <summary>E.g. "+12 BPM, energy −0.20".</summary>
    public string Note => $"{TempoDeltaBpm:+0;−0;0} BPM, energy {EnergyDelta:+0.00;−0.00;0.00}";
}

/// <param name="Position">1-based place in the soundtrack.</param>
/// <param name="ImageIndex">0-based index of the photo the track was chosen for; null in <see cref="StoryMode.Whole"/>.</param>
/// <param name="Suggestion">The track with its fit, score and reason; its Rank is its place among the candidates it was chosen from.</param>
/// <param name="Transition">Change from the previous track; null for the first.</param>
public sealed record StoryTrack(int Position, int? ImageIndex, Suggestion Suggestion, StoryTransition? Transition);

/// <summary>The story's overall mood: mean valence and arousal of its photos, and the mood word their averaged quadrant probabilities favour.</summary>
public sealed record StoryMood(double Valence, double Arousal, string Word);

/// <param name="TotalDurationSeconds">Sum of the tracks' lengths; a track of unknown length counts as <see cref="StoryPlanner.AssumedTrackSeconds"/>.</param>
public sealed record StorySoundtrack(IReadOnlyList<StoryTrack> Tracks, double TotalDurationSeconds, StoryMood Mood)
{
    /// <summary>Mean absolute tempo change between consecutive tracks (0 with fewer than two): how smooth the soundtrack is.</summary>
    public double MeanTempoJumpBpm =>
        Tracks.Count < 2 ? 0 : Tracks.Skip(1).Average(t => Math.Abs(t.Transition!.TempoDeltaBpm));
}
