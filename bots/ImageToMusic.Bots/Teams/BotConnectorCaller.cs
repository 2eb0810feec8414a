namespace ImageToMusic.Bots.Teams;

/// <summary>An authenticated Bot Connector request: what its token allows, checked against the activity it carries.</summary>
/// <param name="ServiceUrl">The token's serviceurl claim: the only service this request may make us call back.</param>
/// <param name="Endorsements">The channels the signing key is endorsed for (msteams, ...).</param>
public sealed record BotConnectorCaller(string? ServiceUrl, IReadOnlySet<string> Endorsements)
{
    /// <summary>Throws a 403 <see cref="TeamsRejection"/> unless the token was issued for this activity's service and channel.</summary>
    public void Authorize(Activity activity)
    {
        // Replies go to the activity's serviceUrl with our token, so a token for another service must not steer them.
        if (ServiceUrl is null || activity.ServiceUrl is null || !SameUrl(ServiceUrl, activity.ServiceUrl))
            throw TeamsRejection.Forbidden("The token's serviceurl claim does not match the activity's serviceUrl.");
        if (activity.ChannelId is null || !Endorsements.Contains(activity.ChannelId))
            throw TeamsRejection.Forbidden($"The signing key is not endorsed for channel '{activity.ChannelId}'.");
    }

    private static bool SameUrl(string a, string b) => string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
