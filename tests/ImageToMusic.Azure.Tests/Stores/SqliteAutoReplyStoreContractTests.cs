using ImageToMusic.Azure.Tests.Support;
using ImageToMusic.Engine.AutoReplies;
using ImageToMusic.Storage.Sqlite;

namespace ImageToMusic.Azure.Tests.Stores;

public sealed class SqliteAutoReplyStoreContractTests : AutoReplyStoreContract
{
    protected override Task<IAutoReplyStore> NewStoreAsync() => Task.FromResult<IAutoReplyStore>(new SqliteAutoReplyStore(SqliteStores.NewDatabase()));
}
