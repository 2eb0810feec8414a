using System.Text.Json;

namespace ImageToMusic.Engine.Music;

/// <summary>Reads and writes <see cref="TrackMoodModel"/> as small, readable JSON.</summary>
public static class TrackMoodModelFile
{
    private const string Format = "imagetomusic-track-moods/1";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed record Dto(string Format, string Version, string TrainedOn, string[] Moods, string[] Features, double[] Means, double[] Stds, double[][] Weights);

    public static void Save(TrackMoodModel model, string path)
    {
        var dto = new Dto(Format, model.Version, model.TrainedOn, [.. MusicMoods.All], [.. TrackMoodModel.FeatureNames],
            [.. model.Means], [.. model.Stds], [.. model.Weights.Select(w => w.ToArray())]);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(dto, Json) + "\n");
        File.Move(temporary, path, overwrite: true);
    }

    public static TrackMoodModel Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Track mood model not found at {path}. Train one with `imagetomusic train tracks`, or point --models at the folder holding {TrackMoodModel.DefaultFileName}.", path);
        Dto dto;
        try
        {
            dto = JsonSerializer.Deserialize<Dto>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a track mood model file: {e.Message}", e);
        }
        if (dto.Format != Format)
            throw new InvalidDataException($"{path} has format '{dto.Format}', expected '{Format}'.");
        if (!dto.Moods.SequenceEqual(MusicMoods.All) || !dto.Features.SequenceEqual(TrackMoodModel.FeatureNames))
            throw new InvalidDataException($"{path} was trained on moods [{string.Join(", ", dto.Moods)}] and features [{string.Join(", ", dto.Features)}], which this version does not read; retrain with `imagetomusic train tracks`.");
        return new TrackMoodModel(dto.Version, dto.TrainedOn, dto.Means, dto.Stds, dto.Weights);
    }
}
