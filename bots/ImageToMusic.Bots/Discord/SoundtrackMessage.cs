using System.Globalization;
using ImageToMusic.Engine;
using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Mood;

namespace ImageToMusic.Bots.Discord;

/// <summary>
/// The reply to a photo: an embed with the mood, the palette and the five tracks with their reasons, and for each
/// track a row of 👍/👎 buttons whose labels carry the vote counts (Discord allows five rows, one per track).
/// </summary>
public static class SoundtrackMessage
{
    public const int MaxRows = 5;
    private const int MaxFieldValue = 1024;
    private const int MaxFieldName = 256;

    public static DiscordMessage For(Recommendation recommendation) => new(
        Embeds: [Embed(recommendation)],
        Components: Buttons(recommendation.RecommendationId, [.. recommendation.Tracks.Select(t => new RankedTrack(t.Rank, t.Track.Id))], []));

    /// <summary>A photo that could not be used: say why, politely, instead of leaving "thinking…" forever.</summary>
    public static DiscordMessage Failed(string reason) => new(Content: $"Sorry, I couldn't find a soundtrack for that: {reason}", Embeds: [], Components: []);

    /// <summary>One row per track: 👍 and 👎, labelled with the track's number and its current count.</summary>
    public static IReadOnlyList<ActionRow> Buttons(string recommendationId, IReadOnlyList<RankedTrack> tracks, IReadOnlyList<FeedbackVote> votes) =>
        [.. tracks.Take(MaxRows).Select(track => new ActionRow(
        [
            VoteButton(recommendationId, track, Vote.Up, "👍", votes),
            VoteButton(recommendationId, track, Vote.Down, "👎", votes),
        ]))];

    private static Button VoteButton(string recommendationId, RankedTrack track, Vote vote, string emoji, IReadOnlyList<FeedbackVote> votes)
    {
        var count = votes.Count(v => v.TrackId == track.TrackId && v.Vote == vote);
        return new Button(new FeedbackButton(recommendationId, track.Rank, vote).CustomId, $"#{track.Rank}: {count}", new Emoji(emoji));
    }

    private static Embed Embed(Recommendation recommendation)
    {
        var mood = recommendation.Analysis;
        var emotions = string.Join(", ", mood.Emotions.OrderByDescending(e => e.Value).Take(3).Select(e => $"{e.Key} {e.Value * 100:F0}%"));
        var palette = mood.Evidence.Palette;
        var fields = new List<EmbedField>
        {
            new("Palette", palette.Count == 0 ? "—" : string.Join(", ", palette.Select(c => $"{c.Name} `{c.Hex}` {c.Share * 100:F0}%"))),
        };
        fields.AddRange(recommendation.Tracks.Select(s => new EmbedField(
            Clip($"#{s.Rank} {s.Track.Title} — {s.Track.Artist}", MaxFieldName),
            Clip(s.Track.Link is { } link ? $"{s.Reason}\n{link}" : s.Reason, MaxFieldValue))));
        return new Embed(
            "A soundtrack for this photo",
            $"Mood: **{MoodWords.Valence(mood.Valence)}**, **{MoodWords.Arousal(mood.Arousal)}** (valence {mood.Valence:F1}/9, arousal {mood.Arousal:F1}/9)\nEmotions: {emotions}",
            palette.Count > 0 ? int.Parse(palette[0].Hex.TrimStart('#'), NumberStyles.HexNumber, CultureInfo.InvariantCulture) : null,
            fields);
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

/// <summary>A track as the buttons know it: its place in the list and its catalog id.</summary>
public sealed record RankedTrack(int Rank, string TrackId);
