namespace ImageToMusic.Bots.Teams;

/// <summary>The HTTP answer to the Bot Connector: 200 with nothing, or an invoke response (status and body).</summary>
public sealed record TeamsResult(int Status, object? Body = null)
{
    public static TeamsResult Accepted { get; } = new(200);

    /// <summary>The adaptiveCard/action answer that makes Teams show <paramref name="card"/> in place of the clicked one.</summary>
    public static TeamsResult Card(object card) =>
        new(200, new { statusCode = 200, type = RecommendationCard.ContentType, value = card });
}
