using ImageToMusic.Engine.AutoReplies;
using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Engine.Surveys;
using Microsoft.Azure.Cosmos;

namespace ImageToMusic.Azure.Cosmos;

/// <summary>The stores over one database, whose containers already exist (<see cref="CosmosSetup"/> or infra/).</summary>
public sealed class CosmosStores(CosmosClient client, string databaseName)
{
    public ICatalogStore Catalog { get; } = new CosmosCatalogStore(client.GetContainer(databaseName, CosmosContainers.Catalog));

    public IAnalysisStore Analyses { get; } = new CosmosAnalysisStore(client.GetContainer(databaseName, CosmosContainers.Analyses));

    public IFeedbackStore Feedback { get; } = new CosmosFeedbackStore(client.GetContainer(databaseName, CosmosContainers.Feedback));

    public ISurveyStore Surveys { get; } = new CosmosSurveyStore(client.GetContainer(databaseName, CosmosContainers.Surveys));

    public IAutoReplyStore AutoReplies { get; } = new CosmosAutoReplyStore(client.GetContainer(databaseName, CosmosContainers.Channels));
}
