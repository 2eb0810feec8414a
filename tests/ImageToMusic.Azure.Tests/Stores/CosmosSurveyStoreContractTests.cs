using ImageToMusic.Azure.Tests.Support;
using ImageToMusic.Engine.Surveys;

namespace ImageToMusic.Azure.Tests.Stores;

[Collection(CosmosServerCollection.Name)]
public sealed class CosmosSurveyStoreContractTests(CosmosServerFixture server) : SurveyStoreContract
{
    protected override async Task<ISurveyStore> NewStoreAsync() => (await server.NewStoresAsync()).Surveys;
}
