namespace ImageToMusic.Engine.Music.Training;

/// <summary>A track with the mood a person gave it (index into <see cref="MusicMoods.All"/>).</summary>
public sealed record LabelledTrack(Track Track, int Mood);
