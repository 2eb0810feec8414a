using ImageToMusic.Engine.Storage;
using ImageToMusic.Storage.Sqlite;
using ImageToMusic.Azure.Tests.Support;

namespace ImageToMusic.Azure.Tests.Stores;

// All or nothing on a failed batch is SQLite's alone (see ICatalogStore); the engine's SqliteCatalogStoreTests check it.
public sealed class SqliteCatalogStoreContractTests : CatalogStoreContract
{
    protected override Task<ICatalogStore> NewStoreAsync() => Task.FromResult<ICatalogStore>(new SqliteCatalogStore(SqliteStores.NewDatabase()));
}
