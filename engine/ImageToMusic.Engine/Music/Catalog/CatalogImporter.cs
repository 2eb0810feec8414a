using ImageToMusic.Engine.Storage;

namespace ImageToMusic.Engine.Music.Catalog;

/// <summary>
/// Adds catalog files to a store without repeating songs: rows with the same match key, in the file or
/// already stored, are merged by <see cref="TrackMerge"/>. Only new or changed tracks are written, in one
/// all-or-nothing save, so importing the same file twice changes nothing the second time.
/// </summary>
public sealed class CatalogImporter(ICatalogStore store)
{
    public async Task<ImportSummary> ImportAsync(string path, CancellationToken cancellation = default) => await ImportAsync(CatalogFile.Read(path), cancellation);

    public async Task<ImportSummary> ImportAsync(CatalogReadResult file, CancellationToken cancellation = default)
    {
        var stored = (await store.LoadAllAsync(cancellation)).ToDictionary(t => t.MatchKey);
        var songOfId = stored.Values.ToDictionary(t => t.Id, t => t.MatchKey);
        var changed = new Dictionary<string, Track>();
        var seenInFile = new HashSet<string>();
        var problems = new List<RowProblem>(file.Problems);
        int imported = 0, matchedStored = 0, duplicates = 0;

        foreach (var (line, track) in file.Rows)
        {
            var key = track.MatchKey;
            if (seenInFile.Contains(key))
            {
                duplicates++;
                Merge(key, changed.GetValueOrDefault(key) ?? stored[key], track);
            }
            else if (stored.TryGetValue(key, out var existing))
            {
                seenInFile.Add(key);
                matchedStored++;
                Merge(key, existing, track);
            }
            // Saving by id would silently overwrite the other song.
            else if (songOfId.TryGetValue(track.Id, out var otherKey))
                problems.Add(new RowProblem(file.File, line, $"id '{track.Id}' already belongs to another song ({Describe(otherKey, stored, changed)})"));
            else
            {
                seenInFile.Add(key);
                songOfId[track.Id] = key;
                changed[key] = track;
                imported++;
            }
        }

        if (changed.Count > 0) await store.SaveAsync(changed.Values, cancellation);
        var updated = changed.Keys.Count(stored.ContainsKey);
        return new ImportSummary(file.File, file.RowsRead, imported, updated, matchedStored - updated, duplicates, problems);

        void Merge(string key, Track current, Track newcomer)
        {
            var merged = TrackMerge.Fill(current, newcomer);
            if (!ReferenceEquals(merged, current)) changed[key] = merged;
        }
    }

    private static string Describe(string key, Dictionary<string, Track> stored, Dictionary<string, Track> changed)
    {
        var owner = changed.GetValueOrDefault(key) ?? stored[key];
        return $"'{owner.Title}' by {owner.Artist}";
    }
}
