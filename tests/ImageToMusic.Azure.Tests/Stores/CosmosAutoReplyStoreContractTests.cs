using ImageToMusic.Azure.Tests.Support;
using ImageToMusic.Engine.AutoReplies;

namespace ImageToMusic.Azure.Tests.Stores;

[Collection(CosmosServerCollection.Name)]
public sealed class CosmosAutoReplyStoreContractTests(CosmosServerFixture server) : AutoReplyStoreContract
{
    protected override async Task<IAutoReplyStore> NewStoreAsync() => (await server.NewStoresAsync()).AutoReplies;
}
