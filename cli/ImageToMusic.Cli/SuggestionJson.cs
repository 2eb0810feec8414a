using ImageToMusic.Engine.Music.Matching;

namespace ImageToMusic.Cli;

/// <summary>A suggested track as the CLI prints it in JSON.</summary>
internal sealed record SuggestionJson(
    int Rank,
    string Id,
    string Title,
    string Artist,
    string? Album,
    IReadOnlyList<string> Genres,
    int? Year,
    bool? Explicit,
    double TempoBpm,
    string? Link,
    double Fit,
    double Score,
    double MoodFit,
    string Mood,
    double TrackValence,
    double TrackArousal,
    string Reason)
{
    public static SuggestionJson From(Suggestion s) => new(
        s.Rank, s.Track.Id, s.Track.Title, s.Track.Artist, s.Track.Album, s.Track.Genres, s.Track.Year, s.Track.Explicit, s.Track.Features.TempoBpm, s.Track.Link,
        Math.Round(s.Fit, 3), Math.Round(s.Score, 4), Math.Round(s.MoodFit, 4), s.Mood.Word, Math.Round(s.Mood.Valence, 2), Math.Round(s.Mood.Arousal, 2), s.Reason);
}
