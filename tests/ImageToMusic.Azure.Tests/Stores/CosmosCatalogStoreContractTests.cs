using ImageToMusic.Azure.Cosmos;
using ImageToMusic.Azure.Tests.Support;
using ImageToMusic.Engine.Storage;

namespace ImageToMusic.Azure.Tests.Stores;

[Collection(CosmosServerCollection.Name)]
public sealed class CosmosCatalogStoreContractTests(CosmosServerFixture server) : CatalogStoreContract
{
    protected override async Task<ICatalogStore> NewStoreAsync() =>
        new CosmosCatalogStore((await server.NewDatabaseAsync()).GetContainer(CosmosContainers.Catalog), PageSize);
}
