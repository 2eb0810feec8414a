using ImageToMusic.Azure.Tests.Support;
using ImageToMusic.Engine.Storage;

namespace ImageToMusic.Azure.Tests.Stores;

[Collection(CosmosServerCollection.Name)]
public sealed class CosmosAnalysisStoreContractTests(CosmosServerFixture server) : AnalysisStoreContract
{
    protected override IAnalysisStore NewStore() => server.NewStores().Analyses;
}
