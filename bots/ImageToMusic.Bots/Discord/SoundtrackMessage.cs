using System.Globalization;
using ImageToMusic.Engine;
using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Mood;
using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Music.Story;

namespace ImageToMusic.Bots.Discord;

/// <summary>
/// The reply to a photo: an embed with the mood, the palette and the tracks with their reasons, and 👍/👎 buttons
/// whose labels carry the vote counts: one row per track, or two tracks a row when there are more than five (Discord
/// allows five rows), so a story of up to ten photos gets a button for each of its tracks.
/// </summary>
public static class SoundtrackMessage
{
    public const int MaxRows = 5;
    public const int MaxTracks = 2 * MaxRows;
    private const int MaxFieldValue = 1024;
    private const int MaxFieldName = 256;

    public static DiscordMessage For(Recommendation recommendation)
    {
        var mood = recommendation.Analysis;
        var emotions = string.Join(", ", mood.Emotions.OrderByDescending(e => e.Value).Take(3).Select(e => $"{e.Key} {e.Value * 100:F0}%"));
        var palette = mood.Evidence.Palette;
        return Message("A soundtrack for this photo",
            $"{MoodLine(mood.Valence, mood.Arousal)}\nEmotions: {emotions}",
            mood,
            new EmbedField("Palette", palette.Count == 0 ? "—" : string.Join(", ", palette.Select(c => $"{c.Name} `{c.Hex}` {c.Share * 100:F0}%"))),
            recommendation.RecommendationId,
            [.. recommendation.Tracks.Select(t => (t.Rank, t.Track, t.Reason))]);
    }

    /// <summary>One soundtrack for several photos (a story as a whole), its tracks ordered as an arc.</summary>
    public static DiscordMessage ForStory(ComposedStory story)
    {
        var mood = story.Soundtrack.Mood;
        return Message($"A soundtrack for these {story.Analyses.Count} photos",
            $"{MoodLine(mood.Valence, mood.Arousal)}, overall **{mood.Word}**",
            story.Analyses[0],
            null,
            story.StoryRecommendationId ?? throw new ArgumentException("Only a story composed as a whole has one soundtrack to vote on.", nameof(story)),
            [.. story.Soundtrack.Tracks.Select(t => (t.Position, t.Suggestion.Track, t.Suggestion.Reason))]);
    }

    /// <summary>A photo that could not be used: say why, politely, instead of leaving "thinking…" forever.</summary>
    public static DiscordMessage Failed(string reason) => new(Content: $"Sorry, I couldn't find a soundtrack for that: {reason}", Embeds: [], Components: []);

    /// <summary>👍 and 👎 for each track, labelled with the track's number and its current count.</summary>
    public static IReadOnlyList<ActionRow> Buttons(string recommendationId, IReadOnlyList<RankedTrack> tracks, IReadOnlyList<FeedbackVote> votes) =>
        [.. tracks.Take(MaxTracks).Chunk(tracks.Count <= MaxRows ? 1 : 2).Select(row => new ActionRow(
        [
            .. row.SelectMany(track => new[]
            {
                VoteButton(recommendationId, track, Vote.Up, "👍", votes),
                VoteButton(recommendationId, track, Vote.Down, "👎", votes),
            }),
        ]))];

    private static DiscordMessage Message(string title, string description, MoodAnalysis colourFrom, EmbedField? first, string recommendationId,
        IReadOnlyList<(int Rank, Track Track, string Reason)> tracks)
    {
        var fields = first is null ? new List<EmbedField>() : [first];
        fields.AddRange(tracks.Select(t => new EmbedField(
            Clip($"#{t.Rank} {t.Track.Title} — {t.Track.Artist}", MaxFieldName),
            Clip(t.Track.Link is { } link ? $"{t.Reason}\n{link}" : t.Reason, MaxFieldValue))));
        var palette = colourFrom.Evidence.Palette;
        var colour = palette.Count > 0 ? int.Parse(palette[0].Hex.TrimStart('#'), NumberStyles.HexNumber, CultureInfo.InvariantCulture) : (int?)null;
        return new DiscordMessage(
            Embeds: [new Embed(title, description, colour, fields)],
            Components: Buttons(recommendationId, [.. tracks.Select(t => new RankedTrack(t.Rank, t.Track.Id))], []));
    }

    private static string MoodLine(double valence, double arousal) =>
        $"Mood: **{MoodWords.Valence(valence)}**, **{MoodWords.Arousal(arousal)}** (valence {valence:F1}/9, arousal {arousal:F1}/9)";

    private static Button VoteButton(string recommendationId, RankedTrack track, Vote vote, string emoji, IReadOnlyList<FeedbackVote> votes)
    {
        var count = votes.Count(v => v.TrackId == track.TrackId && v.Vote == vote);
        return new Button(new FeedbackButton(recommendationId, track.Rank, vote).CustomId, $"#{track.Rank}: {count}", new Emoji(emoji));
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

/// <summary>A track as the buttons know it: its place in the list and its catalog id.</summary>
public sealed record RankedTrack(int Rank, string TrackId);
