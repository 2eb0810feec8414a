namespace ImageToMusic.Engine.Music;

/// <summary>
/// Spotify-style audio features of one recording. The unit-range features and tempo/loudness are
/// present in every catalog we read; key, mode, duration and time signature are not (the
/// mood-labelled catalog has no mode), so those are optional.
/// </summary>
/// <param name="Valence">Musical positiveness, 0 (sad, angry) … 1 (cheerful). Not the same scale as image valence.</param>
/// <param name="Energy">Perceived intensity and activity, 0 … 1.</param>
/// <param name="Danceability">0 … 1.</param>
/// <param name="Acousticness">Confidence the track is acoustic, 0 … 1.</param>
/// <param name="Instrumentalness">Confidence the track has no vocals, 0 … 1.</param>
/// <param name="Speechiness">Presence of spoken words, 0 … 1.</param>
/// <param name="Liveness">Presence of an audience, 0 … 1.</param>
/// <param name="TempoBpm">Estimated tempo in beats per minute, above 0.</param>
/// <param name="LoudnessDb">Average loudness in dB (about −60 … 0).</param>
/// <param name="Key">Pitch class 0 (C) … 11 (B); null when unknown.</param>
/// <param name="Mode">1 major, 0 minor; null when unknown.</param>
/// <param name="DurationMs">Length in milliseconds; null when unknown.</param>
/// <param name="TimeSignature">Beats per bar; null when unknown.</param>
public sealed record AudioFeatures(
    double Valence,
    double Energy,
    double Danceability,
    double Acousticness,
    double Instrumentalness,
    double Speechiness,
    double Liveness,
    double TempoBpm,
    double LoudnessDb,
    int? Key = null,
    int? Mode = null,
    int? DurationMs = null,
    int? TimeSignature = null);
