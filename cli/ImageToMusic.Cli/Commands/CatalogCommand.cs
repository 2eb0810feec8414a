using System.CommandLine;
using System.Globalization;
using ImageToMusic.Engine.Music.Catalog;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Storage.Sqlite;

namespace ImageToMusic.Cli.Commands;

/// <summary>`catalog import` and `catalog stats`: fill the song catalog from files and see what it holds.</summary>
internal static class CatalogCommand
{
    /// <summary>Row problems shown per file in text mode; --json lists them all.</summary>
    private const int ProblemsShown = 20;

    public static Command Create() => new("catalog", "The song catalog suggestions are drawn from: import files into it, summarise it.")
    {
        Import(),
        Stats(),
    };

    private static Command Import()
    {
        var files = new Argument<FileInfo[]>("files")
        {
            Description = "Catalog files: CSV with a header line (several column layouts are understood) or JSON; see docs/catalog-format.md.",
            Arity = ArgumentArity.OneOrMore,
        };
        var store = CommonOptions.Store();
        var json = CommonOptions.Json();
        var command = new Command("import",
            "Import songs with audio features. Songs already in the catalog (same title and artist) are merged, not repeated; " +
            "bad rows are reported and skipped. Exits 1 when a file cannot be read at all.") { files, store, json };
        command.SetAction((result, cancellation) => Failures.Guard(async () =>
        {
            var database = SqliteDatabase.Open(StoreLocation.Resolve(result.GetValue(store)));
            var catalog = new SqliteCatalogStore(database);
            var importer = new CatalogImporter(catalog);
            var outcomes = new List<FileOutcome>();
            foreach (var file in result.GetValue(files)!) outcomes.Add(await ImportFileAsync(importer, file.FullName, cancellation));
            var report = new ImportReport(database.Path, await catalog.CountAsync(cancellation), outcomes);
            if (result.GetValue(json)) Output.WriteJson(report);
            else WriteText(report);
            return outcomes.Any(o => o.Error is not null) ? 1 : 0;
        }));
        return command;
    }

    private static Command Stats()
    {
        var store = CommonOptions.Store();
        var json = CommonOptions.Json();
        var command = new Command("stats", "Summarise the catalog: tracks, artists, genres, and the range of each audio feature.") { store, json };
        command.SetAction((result, cancellation) => Failures.Guard(async () =>
        {
            var database = SqliteDatabase.Open(StoreLocation.Resolve(result.GetValue(store)));
            var stats = CatalogStats.Compute(await new SqliteCatalogStore(database).LoadAllAsync(cancellation));
            if (result.GetValue(json))
            {
                var node = Output.ToNode(stats).AsObject();
                node.Insert(0, "store", database.Path);
                Console.WriteLine(node.ToJsonString(Output.Json));
            }
            else WriteText(database.Path, stats);
            return 0;
        }));
        return command;
    }

    internal sealed record ImportReport(string Store, int TracksInStore, IReadOnlyList<FileOutcome> Files);

    internal sealed record FileOutcome(
        string File, int? Read, int? Imported, int? Updated, int? Unchanged, int? DuplicatesMerged, int? Rejected,
        IReadOnlyList<ProblemJson>? Problems, string? Error);

    internal sealed record ProblemJson(int Line, string Message);

    private static async Task<FileOutcome> ImportFileAsync(CatalogImporter importer, string path, CancellationToken cancellation)
    {
        try
        {
            var s = await importer.ImportAsync(path, cancellation);
            return new FileOutcome(path, s.Read, s.Imported, s.Updated, s.Unchanged, s.DuplicatesMerged, s.Rejected,
                [.. s.Problems.Select(p => new ProblemJson(p.Line, p.Message))], null);
        }
        catch (Exception e) when (Failures.Describe(e) is { } message)
        {
            return new FileOutcome(path, null, null, null, null, null, null, null, message);
        }
    }

    private static void WriteText(ImportReport report)
    {
        foreach (var file in report.Files)
        {
            if (file.Error is { } error)
            {
                Output.Error(error);
                continue;
            }
            Console.WriteLine($"{file.File}: read {file.Read} rows: {file.Imported} imported, {file.Updated} updated, {file.Unchanged} unchanged, " +
                              $"{file.DuplicatesMerged} duplicates merged, {file.Rejected} rejected");
            foreach (var problem in file.Problems!.Take(ProblemsShown)) Console.WriteLine($"  line {problem.Line}: {problem.Message}");
            if (file.Problems!.Count > ProblemsShown) Console.WriteLine($"  … and {file.Problems.Count - ProblemsShown} more (--json lists all)");
        }
        Console.WriteLine($"store {report.Store}: {report.TracksInStore} tracks");
    }

    private static void WriteText(string store, CatalogStats stats)
    {
        Console.WriteLine($"store     {store}");
        Console.WriteLine($"tracks    {stats.Tracks} by {stats.Artists} artists; {stats.WithGenre} with a genre, {stats.Explicit} explicit");
        Console.WriteLine($"non-songs {stats.NonSongs} left out of suggestions (docs/catalog-format.md#songs-and-non-songs)" +
                          (stats.NonSongs == 0 ? "" : $": {string.Join(", ", stats.NonSongReasons.Select(r => $"{r.Reason} {r.Tracks}"))}"));
        if (stats.TopGenres.Count > 0)
            Console.WriteLine($"genres    {string.Join(", ", stats.TopGenres.Select(g => $"{g.Genre} {g.Tracks}"))}");
        if (stats.Features.Count == 0) return;
        Console.WriteLine($"{"feature",-18}{"known",8}{"min",12}{"median",12}{"max",12}");
        foreach (var f in stats.Features)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{f.Feature,-18}{f.Known,8}{f.Min,12:0.####}{f.Median,12:0.####}{f.Max,12:0.####}"));
    }
}
