namespace ImageToMusic.Azure.Cosmos;

/// <summary>
/// The containers and their partition keys, in one place for <see cref="CosmosSetup"/> and for infra/, which
/// creates them on Azure (see docs/storage.md for why each key was chosen).
/// </summary>
public static class CosmosContainers
{
    /// <summary>
    /// Tracks by /id: every lookup is a point read, and imports spread their writes over all partitions
    /// instead of one hot one. LoadAllAsync is a cross-partition query, which costs about the same per document
    /// as a single-partition one and is paged, so the catalog's size is not capped by one logical partition.
    /// </summary>
    public const string Catalog = "catalog";
    public const string CatalogPartitionKey = "/id";

    /// <summary>
    /// Analyses, their failures and their recommendations by /analysisId: an analysis and everything made from
    /// it are one logical partition, so RecommendationsForAsync is a single-partition query.
    /// </summary>
    public const string Analyses = "analyses";
    public const string AnalysesPartitionKey = "/analysisId";

    /// <summary>Votes by /recommendationId: all votes on what one person saw are one partition read.</summary>
    public const string Feedback = "feedback";
    public const string FeedbackPartitionKey = "/recommendationId";

    /// <summary>Surveys and their answers by /surveyId: the page reads a survey with a point read, and answers land in its partition.</summary>
    public const string Surveys = "surveys";
    public const string SurveysPartitionKey = "/surveyId";

    /// <summary>Auto-reply switches by /community: a community's channels together, each check a point read.</summary>
    public const string Channels = "channels";
    public const string ChannelsPartitionKey = "/community";

    public static IReadOnlyList<(string Name, string PartitionKeyPath)> All =>
        [(Catalog, CatalogPartitionKey), (Analyses, AnalysesPartitionKey), (Feedback, FeedbackPartitionKey), (Surveys, SurveysPartitionKey),
         (Channels, ChannelsPartitionKey)];
}
