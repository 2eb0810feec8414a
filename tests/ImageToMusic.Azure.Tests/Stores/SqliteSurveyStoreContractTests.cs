using ImageToMusic.Azure.Tests.Support;
using ImageToMusic.Storage.Sqlite;
using ImageToMusic.Engine.Surveys;

namespace ImageToMusic.Azure.Tests.Stores;

public sealed class SqliteSurveyStoreContractTests : SurveyStoreContract
{
    protected override Task<ISurveyStore> NewStoreAsync() => Task.FromResult<ISurveyStore>(new SqliteSurveyStore(SqliteStores.NewDatabase()));
}
