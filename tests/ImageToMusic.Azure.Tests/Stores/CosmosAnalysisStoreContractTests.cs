using ImageToMusic.Azure.Tests.Support;
using ImageToMusic.Azure.Cosmos;
using ImageToMusic.Engine.Storage;

namespace ImageToMusic.Azure.Tests.Stores;

[Collection(CosmosServerCollection.Name)]
public sealed class CosmosAnalysisStoreContractTests(CosmosServerFixture server) : AnalysisStoreContract
{
    protected override async Task<IAnalysisStore> NewStoreAsync() => (await server.NewStoresAsync()).Analyses;

    [Fact]
    public async Task The_analysis_document_is_whole_with_its_blob_version_and_top_tracks()
    {
        var database = await server.NewDatabaseAsync();
        var store = new CosmosStores(server.Client, database.Id).Analyses;
        var evidence = new ImageToMusic.Engine.Vision.VisualEvidence([], 0.5, 0.5, 0, 0.2, 30, 0.1);
        await store.SaveAsync(
            new AnalysisRecord("an-9", DateTimeOffset.UnixEpoch, "uploads/a.jpg", "00", "m", 6, 4, new Dictionary<string, double> { ["joy"] = 1 }, evidence,
                new ImageToMusic.Engine.AnalysisTimings(1, 2, 3, 4), SourceVersion: "0x8D1"),
            new RecommendationRecord("rec-9", "an-9", DateTimeOffset.UnixEpoch, "top=1", [new RecommendedTrack(1, "t-1", "Song", "Artist", 0.9, "why")]));

        var document = (await database.GetContainer(CosmosContainers.Analyses).ReadItemAsync<System.Text.Json.JsonElement>("an-9", new Microsoft.Azure.Cosmos.PartitionKey("an-9"))).Resource;

        var analysis = document.GetProperty("analysis");
        Assert.Equal(("uploads/a.jpg", "0x8D1", 6.0), (analysis.GetProperty("source").GetString(), analysis.GetProperty("sourceVersion").GetString(), analysis.GetProperty("valence").GetDouble()));
        Assert.Equal(3.0, analysis.GetProperty("timings").GetProperty("backboneMs").GetDouble());
        Assert.Equal("why", document.GetProperty("topTracks")[0].GetProperty("reason").GetString());
    }
}
