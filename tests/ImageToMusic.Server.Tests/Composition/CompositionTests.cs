using ImageToMusic.Engine.Music.Catalog;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Server.Composition;
using ImageToMusic.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ImageToMusic.Server.Tests.Composition;

/// <summary>The one composition every host uses: settings checked at start with the setting to fix, the catalog loaded once.</summary>
public sealed class CompositionTests
{
    private static ServiceProvider Compose(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddLogging().AddImageToMusic(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();

    private static Dictionary<string, string?> Valid(string folder) => new()
    {
        [AppSettings.UserSalt] = "salt-0123456789",
        [AppSettings.ModelFolder] = TestData.Models,
        [AppSettings.SqlitePath] = Path.Combine(folder, "store.db"),
        [AppSettings.UploadsFolder] = folder,
    };

    [Theory]
    [InlineData(AppSettings.UserSalt, null, "The setting IMAGETOMUSIC_USER_SALT is missing.")]
    [InlineData(AppSettings.StoreKind, "mongo", "IMAGETOMUSIC_STORE is 'mongo'; use sqlite or cosmos.")]
    [InlineData(AppSettings.StoreKind, "cosmos", "The setting COSMOS_ENDPOINT is missing (IMAGETOMUSIC_STORE is cosmos).")]
    [InlineData(AppSettings.UploadsFolder, null, "No uploads configured")]
    public async Task A_missing_or_wrong_setting_stops_the_start_naming_the_setting(string name, string? value, string expected)
    {
        var settings = Valid(TestData.NewTempFolder());
        settings[name] = value;
        await using var services = Compose(settings);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => services.LoadCatalogAsync());

        Assert.Contains(expected, failure.Message);
    }

    [Fact]
    public async Task The_catalog_is_read_once_at_start_and_every_use_case_is_one_instance()
    {
        var folder = TestData.NewTempFolder();
        var catalog = CatalogFile.ReadDistinct(TestData.Catalog("mood_labelled_686.csv"));
        await new SqliteCatalogStore(SqliteDatabase.Open(Path.Combine(folder, "store.db"))).SaveAsync([.. catalog]);
        await using var services = Compose(Valid(folder));

        Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<ImageToMusic.Engine.Recommender>());
        await services.LoadCatalogAsync();

        Assert.Equal(catalog.Count, services.GetRequiredService<ImageToMusic.Engine.Recommender>().Catalog.Count);
        Assert.Same(services.GetRequiredService<ImageToMusic.Engine.Feedback.FeedbackService>(), services.GetRequiredService<ImageToMusic.Engine.Feedback.FeedbackService>());
        Assert.IsType<SqliteAnalysisStore>(services.GetRequiredService<IAnalysisStore>());
    }
}
