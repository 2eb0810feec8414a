using System.Text.Json;
using ImageToMusic.Engine.Feedback;

namespace ImageToMusic.Bots.Teams;

/// <summary>What a 👍/👎 button carries (Action.Execute data, and the same as Action.Submit data): which track of which list, and the vote.</summary>
public sealed record CardVote(string RecommendationId, string TrackId, Vote Vote)
{
    public const string Verb = "vote";

    public object ToData() => new { recommendationId = RecommendationId, trackId = TrackId, vote = Vote == Vote.Up ? "up" : "down" };

    /// <summary>Reads button data; a 400 <see cref="TeamsRejection"/> says what is missing.</summary>
    public static CardVote Parse(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object) throw TeamsRejection.BadRequest("The card action carries no data object.");
        var vote = Text(data, "vote") switch
        {
            "up" => Vote.Up,
            "down" => Vote.Down,
            var other => throw TeamsRejection.BadRequest($"vote must be \"up\" or \"down\" (got \"{other}\")."),
        };
        return new CardVote(Text(data, "recommendationId"), Text(data, "trackId"), vote);
    }

    private static string Text(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw TeamsRejection.BadRequest($"The card action's data has no {name}.");
}
