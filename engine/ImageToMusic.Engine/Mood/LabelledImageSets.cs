using System.Globalization;

namespace ImageToMusic.Engine.Mood;

/// <summary>
/// Reads the Emotion6 layout (ground_truth.txt, split.csv, images/&lt;keyword&gt;/&lt;n&gt;.jpg) and,
/// for other labelled sets, a CSV with the header image,valence,arousal.
/// </summary>
public static class LabelledImageSets
{
    public static IReadOnlyList<string> Splits { get; } = ["train", "val", "test"];

    /// <summary>Loads one split (train, val or test) of an Emotion6 folder, in file order.</summary>
    public static IReadOnlyList<LabelledImage> LoadEmotion6(string folder, string split)
    {
        if (!Splits.Contains(split))
            throw new ArgumentException($"Unknown split '{split}': use one of {string.Join(", ", Splits)}.", nameof(split));
        var groundTruth = Path.Combine(folder, "ground_truth.txt");
        var splitFile = Path.Combine(folder, "split.csv");
        foreach (var required in new[] { groundTruth, splitFile, Path.Combine(folder, "images") })
            if (!File.Exists(required) && !Directory.Exists(required))
                throw new FileNotFoundException($"'{folder}' is not an Emotion6 folder: {Path.GetFileName(required)} is missing.", required);

        var wanted = File.ReadLines(splitFile).Skip(1)
            .Select(line => line.Split(','))
            .Where(cols => cols.Length == 2 && cols[1].Trim() == split)
            .Select(cols => cols[0].Trim())
            .ToHashSet(StringComparer.Ordinal);

        var images = new List<LabelledImage>();
        var lineNumber = 1;
        foreach (var line in File.ReadLines(groundTruth).Skip(1))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var cols = line.Split('\t');
            if (cols.Length != 10)
                throw new FormatException($"{groundTruth}:{lineNumber}: expected 10 tab-separated columns, found {cols.Length}.");
            var id = cols[0].Trim();
            if (!wanted.Contains(id)) continue;
            var distribution = cols[3..].Select(c => Parse(c, groundTruth, lineNumber)).ToArray();
            images.Add(new LabelledImage(
                Path.Combine(folder, "images", id), id,
                Parse(cols[1], groundTruth, lineNumber), Parse(cols[2], groundTruth, lineNumber),
                Keyword: id.Split('/')[0], EmotionDistribution: distribution));
        }
        return images;
    }

    /// <summary>Loads a CSV with header image,valence,arousal; image paths are relative to <paramref name="imagesFolder"/>.</summary>
    public static IReadOnlyList<LabelledImage> LoadCsv(string csvPath, string imagesFolder)
    {
        using var reader = new StreamReader(csvPath);
        var header = reader.ReadLine()?.Split(',').Select(h => h.Trim().ToLowerInvariant()).ToArray()
                     ?? throw new FormatException($"{csvPath} is empty: expected the header image,valence,arousal.");
        int image = Array.IndexOf(header, "image"), valence = Array.IndexOf(header, "valence"), arousal = Array.IndexOf(header, "arousal");
        if (image < 0 || valence < 0 || arousal < 0)
            throw new FormatException($"{csvPath}:1: expected the header image,valence,arousal, found '{string.Join(",", header)}'.");

        var images = new List<LabelledImage>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var cols = line.Split(',');
            if (cols.Length < header.Length)
                throw new FormatException($"{csvPath}:{lineNumber}: expected {header.Length} columns, found {cols.Length}.");
            var id = cols[image].Trim();
            var v = Parse(cols[valence], csvPath, lineNumber);
            var a = Parse(cols[arousal], csvPath, lineNumber);
            if (v is < 1 or > 9 || a is < 1 or > 9)
                throw new FormatException($"{csvPath}:{lineNumber}: valence and arousal must be on the 1–9 scale, found {v} and {a}.");
            images.Add(new LabelledImage(Path.Combine(imagesFolder, id), id, v, a));
        }
        return images;
    }

    private static double Parse(string text, string file, int line) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{file}:{line}: '{text.Trim()}' is not a number.");
}
