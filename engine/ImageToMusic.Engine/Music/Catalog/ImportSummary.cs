namespace ImageToMusic.Engine.Music.Catalog;

/// <summary>
/// What importing one file did. Every row read lands in exactly one bucket:
/// <c>Read = Imported + Updated + Unchanged + DuplicatesMerged + Rejected</c>.
/// </summary>
/// <param name="Imported">Songs new to the store.</param>
/// <param name="Updated">Songs already stored that gained details (album, genres, year, ...).</param>
/// <param name="Unchanged">Rows for songs already stored that added nothing.</param>
/// <param name="DuplicatesMerged">Rows repeating a song met earlier in the same file, merged into it.</param>
/// <param name="Problems">The rejected rows and why.</param>
public sealed record ImportSummary(
    string File,
    int Read,
    int Imported,
    int Updated,
    int Unchanged,
    int DuplicatesMerged,
    IReadOnlyList<RowProblem> Problems)
{
    public int Rejected => Problems.Count;
}
