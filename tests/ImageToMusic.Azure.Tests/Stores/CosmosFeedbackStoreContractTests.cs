using ImageToMusic.Azure.Tests.Support;
using ImageToMusic.Engine.Feedback;

namespace ImageToMusic.Azure.Tests.Stores;

[Collection(CosmosServerCollection.Name)]
public sealed class CosmosFeedbackStoreContractTests(CosmosServerFixture server) : FeedbackStoreContract
{
    protected override async Task<IFeedbackStore> NewStoreAsync() => (await server.NewStoresAsync()).Feedback;
}
