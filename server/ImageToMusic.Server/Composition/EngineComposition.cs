using ImageToMusic.Engine;
using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Music.Matching;
using ImageToMusic.Engine.Music.Personalisation;
using ImageToMusic.Engine.Music.Story;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Engine.Surveys;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ImageToMusic.Server.Composition;

/// <summary>
/// The engine and its use cases as services, each built once: the analyzer, the catalog index, community tastes,
/// the recommender, and the feedback, story and survey services every door calls.
/// </summary>
public static class EngineComposition
{
    /// <summary>
    /// Settings, stores (SQLite or Cosmos DB, as <see cref="AppSettings.StoreKind"/> says), uploads and the engine.
    /// Call <see cref="LoadCatalogAsync"/> once the container is built, before anything is served.
    /// </summary>
    /// <param name="limits">What a photo may be; the defaults unless a host lets its user choose (the CLI's options).</param>
    public static IServiceCollection AddImageToMusic(this IServiceCollection services, IConfiguration configuration, ImageLimits? limits = null)
    {
        services.AddImageToMusicStores(configuration);
        services.Configure<ImageToMusicSettings>(settings => settings.RunsEngine = true);
        services.AddUploads();
        return services.AddImageToMusicEngine(limits);
    }

    /// <summary>Settings and the stores alone, for a process that only reads and hands on (the Discord gateway).</summary>
    public static IServiceCollection AddImageToMusicStores(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ImageToMusicSettings>().Configure(settings => settings.ReadFrom(ImageToMusicSettings.Reader(configuration)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ImageToMusicSettings>, ImageToMusicSettings.Validation>());
        services.TryAddSingleton(TimeProvider.System);
        return ImageToMusicSettings.Reader(configuration)(AppSettings.StoreKind)?.ToLowerInvariant() == "cosmos" ? services.AddCosmosStores() : services.AddSqliteStores();
    }

    public static IServiceCollection AddImageToMusicEngine(this IServiceCollection services, ImageLimits? limits = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(s => MoodAnalyzer.Open(new MoodAnalyzerOptions
        {
            ModelFolder = ModelLocation.Resolve(Settings(s).ModelFolder), Limits = limits ?? ImageLimits.Default,
        }));
        services.AddSingleton<ImageLimits>(s => s.GetRequiredService<MoodAnalyzer>().Limits);
        services.AddSingleton<CatalogSnapshot>();
        services.AddSingleton(s => s.GetRequiredService<CatalogSnapshot>().Index);
        services.AddSingleton(s => new CommunityTastes(s.GetRequiredKeyedService<IFeedbackStore>(StoreComposition.StoredFeedback), s.GetRequiredService<CatalogIndex>(),
            s.GetRequiredService<TimeProvider>()));
        // Every vote recorded through the engine relearns its community's tastes.
        services.AddSingleton<IFeedbackStore>(s => new RelearningFeedbackStore(s.GetRequiredKeyedService<IFeedbackStore>(StoreComposition.StoredFeedback),
            s.GetRequiredService<CommunityTastes>()));
        services.AddSingleton(s => new Recommender(s.GetRequiredService<MoodAnalyzer>(), s.GetRequiredService<CatalogIndex>(), s.GetRequiredService<IAnalysisStore>(),
            s.GetRequiredService<TimeProvider>(), s.GetRequiredService<CommunityTastes>()));
        services.AddSingleton(s => new FeedbackService(s.GetRequiredService<IAnalysisStore>(), s.GetRequiredService<IFeedbackStore>(), Settings(s).UserSalt!,
            s.GetRequiredService<TimeProvider>()));
        services.AddSingleton(s => new StoryService(s.GetRequiredService<Recommender>(), s.GetRequiredService<IAnalysisStore>(), s.GetRequiredService<TimeProvider>()));
        services.AddSingleton(s => new SurveyService(s.GetRequiredService<Recommender>(), s.GetRequiredService<ISurveyStore>(), s.GetRequiredService<IAnalysisStore>(),
            s.GetRequiredService<FeedbackService>(), Settings(s).UserSalt!, s.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>Checks the settings and reads the catalog into the index the recommender ranks with.</summary>
    public static Task LoadCatalogAsync(this IServiceProvider services, CancellationToken cancellation = default) =>
        services.GetRequiredService<CatalogSnapshot>().LoadAsync(cancellation);

    internal static ImageToMusicSettings Settings(IServiceProvider services) => services.GetRequiredService<IOptions<ImageToMusicSettings>>().Value;

    /// <summary>
    /// The catalog as the engine ranks it, read once at start. Reading is asynchronous and a container cannot await a
    /// factory, so the host loads it (<see cref="LoadCatalogAsync"/>) between building the container and serving.
    /// </summary>
    public sealed class CatalogSnapshot(ICatalogStore catalog, IOptions<ImageToMusicSettings> settings)
    {
        private CatalogIndex? index;

        public CatalogIndex Index => index ?? throw new InvalidOperationException("The catalog has not been loaded: call LoadCatalogAsync after building the services.");

        public async Task LoadAsync(CancellationToken cancellation)
        {
            var models = ModelLocation.Resolve(settings.Value.ModelFolder);
            index = CatalogIndex.Build(await catalog.LoadAllAsync(cancellation), TrackMoodModelFile.Load(Path.Combine(models, TrackMoodModel.DefaultFileName)));
        }
    }
}
