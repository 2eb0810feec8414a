namespace ImageToMusic.Engine.Music.Catalog;

/// <summary>A catalog row that was skipped, and why.</summary>
public sealed record RowProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
