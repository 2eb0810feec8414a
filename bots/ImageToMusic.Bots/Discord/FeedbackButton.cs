using System.Globalization;
using ImageToMusic.Engine.Feedback;

namespace ImageToMusic.Bots.Discord;

/// <summary>
/// What a 👍/👎 button stands for, carried in its custom_id as "fb:&lt;recommendation id&gt;:&lt;rank&gt;:&lt;up|down&gt;".
/// The track is named by its rank in the stored recommendation, not by its id: catalog ids can be any length,
/// and Discord caps custom_id at <see cref="MaxCustomIdLength"/> characters.
/// </summary>
public sealed record FeedbackButton(string RecommendationId, int Rank, Vote Vote)
{
    public const int MaxCustomIdLength = 100;
    private const string Prefix = "fb";

    public string CustomId
    {
        get
        {
            var id = $"{Prefix}:{RecommendationId}:{Rank.ToString(CultureInfo.InvariantCulture)}:{(Vote == Vote.Up ? "up" : "down")}";
            return id.Length <= MaxCustomIdLength ? id : throw new InvalidOperationException($"custom_id '{id}' is longer than Discord's {MaxCustomIdLength} characters.");
        }
    }

    public static FeedbackButton? Parse(string? customId)
    {
        var parts = customId?.Split(':');
        if (parts is not [Prefix, { Length: > 0 } recommendation, var rankText, var voteText]) return null;
        if (!int.TryParse(rankText, NumberStyles.None, CultureInfo.InvariantCulture, out var rank)) return null;
        Vote? vote = voteText switch { "up" => Vote.Up, "down" => Vote.Down, _ => null };
        return vote is { } v ? new FeedbackButton(recommendation, rank, v) : null;
    }
}
