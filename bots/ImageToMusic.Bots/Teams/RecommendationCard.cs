using System.Globalization;
using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Storage;

namespace ImageToMusic.Bots.Teams;

/// <summary>
/// The Adaptive Card a recommendation is shown as: the mood, the palette, the tracks with their reasons, and per track
/// 👍/👎 buttons with the current counts. Buttons are Action.Execute (Universal Actions, answered by the
/// adaptiveCard/action invoke) with an Action.Submit fallback for clients without them. Built from the stored records,
/// so the first card and every refreshed one come from the same place.
/// </summary>
public static class RecommendationCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public static object Build(AnalysisRecord? analysis, RecommendationRecord recommendation, IReadOnlyList<FeedbackVote> votes)
    {
        var body = new List<object> { Text("A soundtrack for your photo", weight: "Bolder", size: "Medium") };
        if (analysis is not null)
        {
            body.Add(Text(MoodSummary(analysis)));
            body.Add(Text("Palette: " + string.Join(", ", analysis.Evidence.Palette.Select(c => $"{c.Name} {c.Hex} ({Percent(c.Share)})")), subtle: true));
        }
        foreach (var track in recommendation.Tracks)
        {
            var onTrack = votes.Where(v => v.TrackId == track.TrackId).ToList();
            body.Add(new
            {
                type = "Container",
                separator = true,
                items = new object[]
                {
                    Text($"{track.Rank}. {track.Title} — {track.Artist}", weight: "Bolder"),
                    Text(track.Reason, subtle: true),
                    new
                    {
                        type = "ActionSet",
                        actions = new[]
                        {
                            Button($"👍 {onTrack.Count(v => v.Vote == Vote.Up)}", new CardVote(recommendation.Id, track.TrackId, Vote.Up)),
                            Button($"👎 {onTrack.Count(v => v.Vote == Vote.Down)}", new CardVote(recommendation.Id, track.TrackId, Vote.Down)),
                        },
                    },
                },
            });
        }
        return new Dictionary<string, object>
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            // 1.4 is the first version with Action.Execute.
            ["version"] = "1.4",
            ["body"] = body,
        };
    }

    public static string MoodSummary(AnalysisRecord analysis)
    {
        var top = analysis.Emotions.OrderByDescending(e => e.Value).Take(2).Select(e => $"{e.Key} {Percent(e.Value)}");
        return string.Create(CultureInfo.InvariantCulture,
            $"Mood: {string.Join(", ", top)} (valence {analysis.Valence:+0.00;-0.00}, arousal {analysis.Arousal:+0.00;-0.00})");
    }

    private static object Button(string title, CardVote vote) => new
    {
        type = "Action.Execute",
        title,
        verb = CardVote.Verb,
        data = vote.ToData(),
        fallback = new { type = "Action.Submit", title, data = vote.ToData() },
    };

    private static object Text(string text, string? weight = null, string? size = null, bool subtle = false) =>
        new { type = "TextBlock", text, wrap = true, weight, size, isSubtle = subtle ? true : (bool?)null };

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
