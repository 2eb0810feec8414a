using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImageToMusic.Engine.Mood;

/// <summary>
/// Reads and writes <see cref="MoodModel"/> as JSON. Large float arrays are base64 little-endian float32,
/// which keeps the committed file small and bit-exact; everything else stays readable.
/// </summary>
public static class MoodModelFile
{
    private const string Format = "imagetomusic-mood/1";
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // base64 '+' stays '+'
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Save(MoodModel model, string path)
    {
        var dto = new ModelDto(Format, model.Version, model.BackboneFile, model.TrainedOn,
            ToDto(model.Full), ToDto(model.ColourOnly));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(dto, Json) + "\n");
        File.Move(temporary, path, overwrite: true); // a crash mid-write never leaves half a model behind
    }

    public static MoodModel Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Mood model not found at {path}. Train one with `imagetomusic train mood`, or point --models at the folder holding {MoodModel.DefaultFileName}.", path);
        ModelDto dto;
        try
        {
            dto = JsonSerializer.Deserialize<ModelDto>(File.ReadAllText(path), Json)
                  ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a mood model file: {e.Message}", e);
        }
        if (dto.Format != Format)
            throw new InvalidDataException($"{path} has format '{dto.Format}', expected '{Format}'.");
        return new MoodModel(dto.Version, dto.Backbone, dto.TrainedOn, FromDto(dto.Full), FromDto(dto.ColourOnly));
    }

    /// <summary>A version string that changes whenever the weights do: a prefix plus a short content hash.</summary>
    public static string ContentVersion(string prefix, MoodHeads full, MoodHeads colourOnly)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new[] { ToDto(full), ToDto(colourOnly) }, Json);
        return $"{prefix}-{Convert.ToHexStringLower(SHA256.HashData(bytes))[..10]}";
    }

    private static HeadsDto ToDto(MoodHeads heads) => new(
        [.. heads.Standardisers.Values.Select(b => new BlockDto(b.Name, Encode(b.Mean), Encode(b.InverseStd), b.Weight))],
        ToDto(heads.Valence, [heads.ValenceCalibration.Offset, heads.ValenceCalibration.Scale]),
        ToDto(heads.Arousal, [heads.ArousalCalibration.Offset, heads.ArousalCalibration.Scale]),
        ToDto(heads.EmotionScores, [heads.EmotionCalibration.Scale, .. heads.EmotionCalibration.Bias]));

    private static HeadDto ToDto(LinearHead head, double[] calibration) =>
        new([.. head.Blocks], head.Lambda, [.. head.Weights.Select(Encode)], head.Bias, calibration);

    private static MoodHeads FromDto(HeadsDto dto)
    {
        var blocks = dto.Blocks.ToDictionary(b => b.Name, b => new FeatureBlock(b.Name, Decode(b.Mean), Decode(b.InverseStd), b.Weight));
        return new MoodHeads(blocks,
            FromDto(dto.Valence, blocks), Calibration(dto.Valence),
            FromDto(dto.Arousal, blocks), Calibration(dto.Arousal),
            FromDto(dto.Emotions, blocks), EmotionCalibrationOf(dto.Emotions));
    }

    private static LinearHead FromDto(HeadDto dto, IReadOnlyDictionary<string, FeatureBlock> blocks)
    {
        var expected = dto.Blocks.Sum(name => blocks.TryGetValue(name, out var b)
            ? b.Dimension
            : throw new InvalidDataException($"Head reads block '{name}', which the file does not standardise."));
        var weights = dto.Weights.Select(Decode).ToArray();
        if (weights.Any(w => w.Length != expected))
            throw new InvalidDataException($"Head over {string.Join("+", dto.Blocks)} has weights of the wrong length (expected {expected}).");
        return new LinearHead(dto.Blocks, weights, dto.Bias, dto.Lambda);
    }

    private static EmotionCalibration EmotionCalibrationOf(HeadDto dto) =>
        dto.Calibration.Length == Emotions.All.Count + 1
            ? new EmotionCalibration(dto.Calibration[0], dto.Calibration[1..])
            : throw new InvalidDataException($"Emotion head calibration needs a scale and {Emotions.All.Count} biases.");

    private static (double, double) Calibration(HeadDto dto) =>
        dto.Calibration is [var offset, var scale] ? (offset, scale) : throw new InvalidDataException("Regression head has no calibration.");

    private static string Encode(float[] values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return Convert.ToBase64String(bytes);
    }

    private static float[] Decode(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        var values = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return values;
    }

    private sealed record ModelDto(string Format, string Version, string Backbone, string TrainedOn, HeadsDto Full, HeadsDto ColourOnly);
    private sealed record HeadsDto(BlockDto[] Blocks, HeadDto Valence, HeadDto Arousal, HeadDto Emotions);
    private sealed record BlockDto(string Name, string Mean, string InverseStd, float Weight);
    private sealed record HeadDto(string[] Blocks, double Lambda, string[] Weights, double[] Bias, double[] Calibration);
}
