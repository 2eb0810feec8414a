using ImageToMusic.Azure.Tests.Support;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Storage.Sqlite;

namespace ImageToMusic.Azure.Tests.Stores;

// All or nothing on a failed save is SQLite's alone (see IAnalysisStore); the engine's SqliteAnalysisStoreTests check it.
public sealed class SqliteAnalysisStoreContractTests : AnalysisStoreContract
{
    protected override Task<IAnalysisStore> NewStoreAsync() => Task.FromResult<IAnalysisStore>(new SqliteAnalysisStore(SqliteStores.NewDatabase()));
}
