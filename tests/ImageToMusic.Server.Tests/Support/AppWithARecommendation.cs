using ImageToMusic.Engine.Storage;

namespace ImageToMusic.Server.Tests.Support;

/// <summary>The app started for each test with one photo already recommended: something to vote on.</summary>
public abstract class AppWithARecommendation : IAsyncLifetime
{
    protected RunningApp App { get; private set; } = null!;
    protected RecommendationRecord Recommendation { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await RunningApp.StartAsync();
        Recommendation = await App.RecommendOnePhotoAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
