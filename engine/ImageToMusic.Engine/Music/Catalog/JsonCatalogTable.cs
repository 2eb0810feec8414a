using System.Text.Json;

namespace ImageToMusic.Engine.Music.Catalog;

/// <summary>
/// Reads a JSON catalog, either an array of track objects or {"tracks": [...]}, into a
/// <see cref="CatalogTable"/> whose columns are every key any object uses. Read token by token so each
/// row knows the line its object starts on.
/// </summary>
internal static class JsonCatalogTable
{
    public static CatalogTable Read(string path, string fileName)
    {
        var bytes = File.ReadAllBytes(path).AsSpan();
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        if (bytes.Trim(" \t\r\n"u8).IsEmpty) throw new InvalidDataException($"{fileName}: the file is empty.");
        var lines = new LineCounter(bytes);
        var objects = new List<(int Line, JsonElement Element)>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartObject) MoveToTracksArray(ref reader, fileName);
            if (reader.TokenType != JsonTokenType.StartArray)
                throw new InvalidDataException($"{fileName}: expected an array of tracks or an object {{\"tracks\": [...]}}, found {Describe(reader.TokenType)} on line {lines.LineAt(reader.TokenStartIndex)}.");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var line = lines.LineAt(reader.TokenStartIndex);
                if (reader.TokenType != JsonTokenType.StartObject)
                    throw new InvalidDataException($"{fileName}: line {line}: each track must be a JSON object, found {Describe(reader.TokenType)}.");
                objects.Add((line, JsonElement.ParseValue(ref reader)));
            }
            while (reader.Read()) { } // the rest must still be well-formed JSON
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{fileName}: malformed JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}", e);
        }
        return ToTable(objects);
    }

    private static void MoveToTracksArray(ref Utf8JsonReader reader, string fileName)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isTracks = string.Equals(reader.GetString(), "tracks", StringComparison.OrdinalIgnoreCase);
            reader.Read();
            if (isTracks) return;
            reader.Skip();
        }
        throw new InvalidDataException($"{fileName}: the JSON object has no \"tracks\" array.");
    }

    private static CatalogTable ToTable(List<(int Line, JsonElement Element)> objects)
    {
        var columns = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, element) in objects)
            foreach (var property in element.EnumerateObject())
                if (index.TryAdd(property.Name, columns.Count)) columns.Add(property.Name);

        var rows = objects.Select(o =>
        {
            var cells = new string?[columns.Count];
            foreach (var property in o.Element.EnumerateObject()) cells[index[property.Name]] = CellText(property.Value);
            return new CatalogTable.Row(o.Line, cells);
        }).ToList();
        return new CatalogTable(columns, rows);
    }

    /// <summary>JSON values as the text a CSV cell would hold; a genre array becomes a comma-separated list.</summary>
    private static string? CellText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String ? item.GetString() : item.GetRawText())),
        _ => value.GetRawText(),
    };

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    // System.Text.Json appends "LineNumber: … | BytePositionInLine: …", which the message already says better.
    private static string FirstSentence(string message) => message.Split(" LineNumber:")[0].Trim();

    /// <summary>Line numbers for byte offsets, counted forwards once since offsets only grow.</summary>
    private ref struct LineCounter(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> bytes = bytes;
        private long counted;
        private int line = 1;

        public int LineAt(long offset)
        {
            line += bytes[(int)counted..(int)offset].Count((byte)'\n');
            counted = offset;
            return line;
        }
    }
}
