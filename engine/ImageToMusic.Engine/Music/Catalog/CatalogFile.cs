namespace ImageToMusic.Engine.Music.Catalog;

/// <summary>A track read from a catalog file, with the line it came from.</summary>
public sealed record CatalogRow(int Line, Track Track);

/// <summary>What one catalog file held: the rows that passed validation and the ones that did not.</summary>
/// <param name="File">The file's name, as problems quote it.</param>
/// <param name="RowsRead">Data rows in the file (accepted plus rejected).</param>
public sealed record CatalogReadResult(string File, int RowsRead, IReadOnlyList<CatalogRow> Rows, IReadOnlyList<RowProblem> Problems);

/// <summary>
/// Reads a song catalog: CSV (any of the known column layouts, see <see cref="CatalogColumns"/>) or,
/// for a .json file, an array of track objects or {"tracks": [...]}. Bad rows are reported and skipped;
/// a file that cannot be read as a catalog at all throws <see cref="InvalidDataException"/>.
/// </summary>
public static class CatalogFile
{
    public static CatalogReadResult Read(string path)
    {
        var fileName = Path.GetFileName(path);
        if (!File.Exists(path))
            throw new FileNotFoundException(Directory.Exists(path) ? $"{path} is a folder, not a catalog file." : $"Catalog file not found: {path}", path);
        if (new FileInfo(path).Length == 0) throw new InvalidDataException($"{fileName}: the file is empty.");

        var table = string.Equals(Path.GetExtension(path), ".json", StringComparison.OrdinalIgnoreCase)
            ? JsonCatalogTable.Read(path, fileName)
            : CsvCatalogTable.Read(path, fileName);
        var parser = new TrackRowParser(CatalogColumns.Map(fileName, table.Columns));

        var rows = new List<CatalogRow>(table.Rows.Count);
        var problems = new List<RowProblem>();
        foreach (var row in table.Rows)
        {
            if (parser.Parse(row, out var errors) is { } track) rows.Add(new CatalogRow(row.Line, track));
            else problems.Add(new RowProblem(fileName, row.Line, string.Join("; ", errors)));
        }
        return new CatalogReadResult(fileName, table.Rows.Count, rows, problems);
    }

    /// <summary>The usable tracks of a file, each song once (the first row of a song wins), without a store: for benchmarks and studies.</summary>
    public static IReadOnlyList<Track> ReadDistinct(string path) =>
        [.. Read(path).Rows.Select(r => r.Track).DistinctBy(t => t.MatchKey).OrderBy(t => t.Id, StringComparer.Ordinal)];
}
