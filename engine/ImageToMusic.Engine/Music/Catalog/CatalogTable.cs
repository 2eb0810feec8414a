namespace ImageToMusic.Engine.Music.Catalog;

/// <summary>A catalog file as text cells before any meaning is given to them: the column names and the rows.</summary>
internal sealed record CatalogTable(IReadOnlyList<string> Columns, IReadOnlyList<CatalogTable.Row> Rows)
{
    /// <param name="Line">1-based line in the file where the row starts, for problem reports.</param>
    /// <param name="Cells">One cell per column; null or missing when the row has no value there.</param>
    public sealed record Row(int Line, IReadOnlyList<string?> Cells);
}
