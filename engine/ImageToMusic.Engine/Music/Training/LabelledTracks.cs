using ImageToMusic.Engine.Music.Catalog;

namespace ImageToMusic.Engine.Music.Training;

/// <summary>
/// Reads a catalog CSV (any layout <see cref="CatalogFile"/> accepts) whose `mood` column holds a human
/// label: Happy, Sad, Energetic or Calm. Training data must be whole, so any bad row is an error.
/// </summary>
public static class LabelledTracks
{
    public const string MoodColumn = "mood";

    public static IReadOnlyList<LabelledTrack> Load(string csvPath)
    {
        if (!File.Exists(csvPath)) throw new FileNotFoundException($"Labelled tracks not found at {csvPath}.", csvPath);
        var fileName = Path.GetFileName(csvPath);
        var catalog = CatalogFile.Read(csvPath);
        if (catalog.Problems.Count > 0)
            throw new InvalidDataException($"{catalog.Problems.Count} labelled rows are unusable, first: {catalog.Problems[0]}");

        var table = CsvCatalogTable.Read(csvPath, fileName);
        var column = table.Columns.ToList().FindIndex(name => string.Equals(name, MoodColumn, StringComparison.OrdinalIgnoreCase));
        if (column < 0) throw new InvalidDataException($"{fileName} has no '{MoodColumn}' column with the human labels.");
        var moodByLine = table.Rows.ToDictionary(r => r.Line, r => r.Cells.ElementAtOrDefault(column)?.Trim() ?? "");

        return [.. catalog.Rows.Select(row =>
        {
            var word = moodByLine[row.Line];
            var mood = MusicMoods.IndexOf(word);
            if (mood < 0)
                throw new InvalidDataException($"{fileName}:{row.Line}: mood '{word}' is not one of {string.Join(", ", MusicMoods.All)}.");
            return new LabelledTrack(row.Track, mood);
        })];
    }
}
