using Azure.Core;

namespace ImageToMusic.Bots.Tests.Teams.Support;

/// <summary>Stands in for Entra ID (which cannot run here): hands out <see cref="FakeBotConnector.BotToken"/> and counts requests.</summary>
public sealed class CountingCredential(TimeSpan? lifetime = null, TimeProvider? clock = null) : TokenCredential
{
    private int calls;

    public int Calls => calls;
    public string? LastScope { get; private set; }

    public override AccessToken GetToken(TokenRequestContext request, CancellationToken cancellation)
    {
        Interlocked.Increment(ref calls);
        LastScope = request.Scopes.Single();
        return new AccessToken(FakeBotConnector.BotToken, (clock ?? TimeProvider.System).GetUtcNow() + (lifetime ?? TimeSpan.FromHours(1)));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext request, CancellationToken cancellation) =>
        ValueTask.FromResult(GetToken(request, cancellation));
}
