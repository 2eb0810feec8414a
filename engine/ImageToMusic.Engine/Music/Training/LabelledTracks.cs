using System.Globalization;
using CsvHelper;

namespace ImageToMusic.Engine.Music.Training;

/// <summary>Reads a catalog CSV whose `mood` column holds a human label (Happy, Sad, Energetic, Calm).</summary>
public static class LabelledTracks
{
    public static IReadOnlyList<LabelledTrack> Load(string csvPath)
    {
        if (!File.Exists(csvPath)) throw new FileNotFoundException($"Labelled tracks not found at {csvPath}.", csvPath);
        using var reader = new StreamReader(csvPath);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var result = new List<LabelledTrack>();
        while (csv.Read())
        {
            double F(string name) => double.Parse(csv.GetField(name)!, CultureInfo.InvariantCulture);
            var mood = MusicMoods.IndexOf(csv.GetField("mood")!);
            if (mood < 0) throw new InvalidDataException($"{csvPath}:{csv.Parser.RawRow}: mood '{csv.GetField("mood")}' is not one of {string.Join(", ", MusicMoods.All)}.");
            var features = new AudioFeatures(F("valence"), F("energy"), F("danceability"), F("acousticness"), F("instrumentalness"),
                F("speechiness"), F("liveness"), F("tempo"), F("loudness"));
            result.Add(new LabelledTrack(new Track(csv.GetField("id")!, csv.GetField("name")!, csv.GetField("artist")!, features), mood));
        }
        return result;
    }
}
