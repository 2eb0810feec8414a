using ImageToMusic.Azure.Tests.Support;
using ImageToMusic.Engine.Feedback;

namespace ImageToMusic.Azure.Tests.Stores;

[Collection(CosmosServerCollection.Name)]
public sealed class CosmosFeedbackStoreContractTests(CosmosServerFixture server) : FeedbackStoreContract
{
    protected override IFeedbackStore NewStore() => server.NewStores().Feedback;
}
