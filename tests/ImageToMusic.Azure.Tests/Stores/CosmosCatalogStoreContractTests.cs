using ImageToMusic.Azure.Cosmos;
using ImageToMusic.Azure.Tests.Support;
using ImageToMusic.Engine.Storage;

namespace ImageToMusic.Azure.Tests.Stores;

[Collection(CosmosServerCollection.Name)]
public sealed class CosmosCatalogStoreContractTests(CosmosServerFixture server) : CatalogStoreContract
{
    protected override ICatalogStore NewStore() =>
        new CosmosCatalogStore(server.NewDatabase().GetContainer(CosmosContainers.Catalog), PageSize);
}
