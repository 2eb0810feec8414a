using ImageToMusic.Azure.Tests.Support;
using ImageToMusic.Engine.Feedback;
using ImageToMusic.Storage.Sqlite;

namespace ImageToMusic.Azure.Tests.Stores;

public sealed class SqliteFeedbackStoreContractTests : FeedbackStoreContract
{
    protected override Task<IFeedbackStore> NewStoreAsync() => Task.FromResult<IFeedbackStore>(new SqliteFeedbackStore(SqliteStores.NewDatabase()));
}
