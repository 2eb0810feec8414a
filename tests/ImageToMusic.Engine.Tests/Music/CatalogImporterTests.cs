using System.Globalization;
using System.Text.Json;
using CsvHelper;
using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Music.Catalog;
using ImageToMusic.Storage.Sqlite;
using ImageToMusic.Engine.Tests.Storage;

namespace ImageToMusic.Engine.Tests.Music;

public class CatalogImporterTests
{
    private const string Spotify = "spotify_songs_9961.csv", Mood = "mood_labelled_686.csv", TopHits = "top_hits_genre_1821.csv";

    [Theory]
    [InlineData(Spotify, "song", 12)]
    [InlineData(Mood, "name", 0)]
    [InlineData(TopHits, "song", 0)]
    public async Task Importing_a_shared_file_stores_each_distinct_song_once(string file, string titleColumn, int rejected)
    {
        var store = new SqliteCatalogStore(TempStore.Open());

        var summary = await new CatalogImporter(store).ImportAsync(TestData.Catalog(file));

        var expectedSongs = DistinctValidSongs(file, titleColumn);
        Assert.Equal(File.ReadLines(TestData.Catalog(file)).Count() - 1, summary.Read);
        Assert.Equal(rejected, summary.Rejected);
        Assert.Equal(expectedSongs.Count, summary.Imported);
        Assert.Equal(summary.Read, summary.Imported + summary.DuplicatesMerged + summary.Rejected);
        Assert.Equal((0, 0), (summary.Updated, summary.Unchanged));
        Assert.Equal(expectedSongs.Order(), (await store.LoadAllAsync()).Select(t => t.MatchKey).Order());
    }

    [Fact]
    public async Task Importing_all_three_merges_the_overlap_and_fills_in_genres()
    {
        var store = new SqliteCatalogStore(TempStore.Open());
        var importer = new CatalogImporter(store);

        var spotify = await importer.ImportAsync(TestData.Catalog(Spotify));
        var mood = await importer.ImportAsync(TestData.Catalog(Mood));
        var topHits = await importer.ImportAsync(TestData.Catalog(TopHits));

        var all = DistinctValidSongs(Spotify, "song").Union(DistinctValidSongs(Mood, "name")).Union(DistinctValidSongs(TopHits, "song")).ToList();
        Assert.Equal(all.Count, await store.CountAsync());
        Assert.Equal(all.Count, spotify.Imported + mood.Imported + topHits.Imported);
        Assert.True(topHits.Updated > 0);
        Assert.Equal(topHits.Read, topHits.Imported + topHits.Updated + topHits.Unchanged + topHits.DuplicatesMerged + topHits.Rejected);

        // A song first met in the Spotify file keeps its id, album and features, and gains the hit list's genres.
        var hitKeys = DistinctValidSongs(TopHits, "song");
        var fromSpotify = CatalogFile.Read(TestData.Catalog(Spotify)).Rows.Select(r => r.Track).First(t => hitKeys.Contains(t.MatchKey));
        var merged = (await store.FindAsync(fromSpotify.Id))!;
        Assert.Equal(fromSpotify.Features, merged.Features);
        Assert.Equal(fromSpotify.Album, merged.Album);
        Assert.NotEmpty(merged.Genres);
        Assert.NotNull(merged.Explicit);
    }

    [Fact]
    public async Task Importing_the_same_files_again_changes_nothing()
    {
        var store = new SqliteCatalogStore(TempStore.Open());
        var importer = new CatalogImporter(store);
        foreach (var file in new[] { Spotify, Mood, TopHits }) await importer.ImportAsync(TestData.Catalog(file));
        var before = JsonSerializer.Serialize(await store.LoadAllAsync());

        var again = new List<ImportSummary>();
        foreach (var file in new[] { Spotify, Mood, TopHits }) again.Add(await importer.ImportAsync(TestData.Catalog(file)));

        Assert.All(again, s => Assert.Equal((0, 0), (s.Imported, s.Updated)));
        Assert.All(again, s => Assert.Equal(s.Read, s.Unchanged + s.DuplicatesMerged + s.Rejected));
        Assert.Equal(before, JsonSerializer.Serialize(await store.LoadAllAsync()));
    }

    [Fact]
    public async Task Duplicates_within_a_file_fill_the_first_sighting()
    {
        var store = new SqliteCatalogStore(TempStore.Open());
        var path = TestData.WriteTempFile("dupes.csv", $"""
            title,artist,album,genre,{Features.Header}
            Halo,Beyonce,,pop,{Features.Row(0.4)}
            HALO!,beyonce ,I Am,"pop, r&b",{Features.Row(0.9)}
            """);

        var summary = await new CatalogImporter(store).ImportAsync(path);

        Assert.Equal((1, 1), (summary.Imported, summary.DuplicatesMerged));
        var halo = Assert.Single(await store.LoadAllAsync());
        Assert.Equal(("Halo", "Beyonce", "I Am", 0.4), (halo.Title, halo.Artist, halo.Album, halo.Features.Valence));
        Assert.Equal(["pop", "r&b"], halo.Genres);
    }

    [Fact]
    public async Task A_new_song_whose_id_belongs_to_another_stored_song_is_rejected_not_overwriting_it()
    {
        var store = new SqliteCatalogStore(TempStore.Open());
        var path = TestData.WriteTempFile("ids.csv", $"""
            id,title,artist,{Features.Header}
            x1,First,Someone,{Features.Row(0.5)}
            x1,Second,Someone Else,{Features.Row(0.5)}
            """);

        var summary = await new CatalogImporter(store).ImportAsync(path);

        Assert.Equal(1, summary.Imported);
        var problem = Assert.Single(summary.Problems);
        Assert.Equal((3, "id 'x1' already belongs to another song ('First' by Someone)"), (problem.Line, problem.Message));
        Assert.Equal("First", (await store.FindAsync("x1"))!.Title);
    }

    /// <summary>The song/artist pairs of a shared file, computed here without the importer: rows with both names and a tempo above 0.</summary>
    private static HashSet<string> DistinctValidSongs(string file, string titleColumn)
    {
        using var reader = new StreamReader(TestData.Catalog(file));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var songs = new HashSet<string>();
        while (csv.Read())
        {
            var (title, artist) = (csv.GetField(titleColumn)!, csv.GetField("artist")!);
            if (title.Trim().Length > 0 && artist.Trim().Length > 0 && double.Parse(csv.GetField("tempo")!, CultureInfo.InvariantCulture) > 0)
                songs.Add(TrackIdentity.MatchKey(title, artist));
        }
        return songs;
    }

    private static class Features
    {
        public const string Header = "valence,energy,danceability,acousticness,instrumentalness,speechiness,liveness,tempo,loudness";

        public static string Row(double valence) => FormattableString.Invariant($"{valence},0.5,0.5,0.5,0.5,0.5,0.5,120,-5");
    }
}
