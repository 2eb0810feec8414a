using System.Globalization;

namespace ImageToMusic.Engine.Music.Catalog;

/// <summary>
/// Turns one row of text cells into a <see cref="Track"/>, checking every value against its documented
/// range. All of a row's problems are reported together so a bad row can be fixed in one go.
/// </summary>
internal sealed class TrackRowParser(IReadOnlyDictionary<CatalogField, int> columns)
{
    public const int MinYear = 1900, MaxYear = 2100;
    public const double MaxTempoBpm = 300, MinLoudnessDb = -60, MaxLoudnessDb = 5;
    public const int MinTimeSignature = 1, MaxTimeSignature = 7;

    /// <summary>The track, or null with the reasons it was rejected.</summary>
    public Track? Parse(CatalogTable.Row row, out IReadOnlyList<string> problems)
    {
        var errors = new List<string>();
        var title = Text(row, CatalogField.Title);
        var artist = Text(row, CatalogField.Artist);
        if (title is null) errors.Add("missing title");
        if (artist is null) errors.Add("missing artist");

        double Unit(CatalogField field) => RequiredNumber(row, field, 0, 1, "[0, 1]", errors);
        var features = new AudioFeatures(
            Valence: Unit(CatalogField.Valence),
            Energy: Unit(CatalogField.Energy),
            Danceability: Unit(CatalogField.Danceability),
            Acousticness: Unit(CatalogField.Acousticness),
            Instrumentalness: Unit(CatalogField.Instrumentalness),
            Speechiness: Unit(CatalogField.Speechiness),
            Liveness: Unit(CatalogField.Liveness),
            TempoBpm: RequiredNumber(row, CatalogField.Tempo, double.Epsilon, MaxTempoBpm, $"(0, {MaxTempoBpm}]", errors),
            LoudnessDb: RequiredNumber(row, CatalogField.Loudness, MinLoudnessDb, MaxLoudnessDb, $"[{MinLoudnessDb}, {MaxLoudnessDb}]", errors),
            Key: Key(row, errors),
            Mode: OptionalInteger(row, CatalogField.Mode, 0, 1, errors),
            DurationMs: OptionalInteger(row, CatalogField.DurationMs, 1, int.MaxValue, errors),
            TimeSignature: OptionalInteger(row, CatalogField.TimeSignature, MinTimeSignature, MaxTimeSignature, errors));

        var explicitFlag = Flag(row, CatalogField.Explicit, errors);
        var songOverride = Flag(row, CatalogField.IsSong, errors);
        var year = OptionalInteger(row, CatalogField.Year, MinYear, MaxYear, errors) ?? YearOfReleaseDate(row, errors);
        var popularity = OptionalInteger(row, CatalogField.Popularity, 0, 100, errors);
        var link = Link(row, errors);

        problems = errors;
        if (errors.Count > 0) return null;
        var matchKey = TrackIdentity.MatchKey(title!, artist!);
        return new Track(
            Id: Text(row, CatalogField.Id) ?? TrackIdentity.DerivedId(matchKey),
            Title: title!,
            Artist: artist!,
            Features: features,
            Album: Text(row, CatalogField.Album),
            Genres: Genres(row),
            Explicit: explicitFlag,
            Year: year,
            Popularity: popularity,
            Link: link,
            SongOverride: songOverride);
    }

    /// <summary>The trimmed cell, or null when the file has no such column or the cell is blank.</summary>
    private string? Text(CatalogTable.Row row, CatalogField field) =>
        columns.TryGetValue(field, out var index) && index < row.Cells.Count && row.Cells[index] is { } cell && cell.Trim() is { Length: > 0 } text
            ? text
            : null;

    private static string Name(CatalogField field) => CatalogColumns.OwnName(field);

    private double RequiredNumber(CatalogTable.Row row, CatalogField field, double min, double max, string range, List<string> errors)
    {
        if (Text(row, field) is not { } text)
        {
            errors.Add($"missing {Name(field)}");
            return double.NaN;
        }
        return Number(text, field, min, max, range, errors) ?? double.NaN;
    }

    private static double? Number(string text, CatalogField field, double min, double max, string range, List<string> errors)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            errors.Add($"{Name(field)} '{text}' is not a number");
            return null;
        }
        if (value < min || value > max)
        {
            errors.Add($"{Name(field)} {text} is outside {range}");
            return null;
        }
        return value;
    }

    /// <summary>A whole number in [min, max]; "5.0" counts, since some exports write every number as a float.</summary>
    private int? OptionalInteger(CatalogTable.Row row, CatalogField field, int min, int max, List<string> errors)
    {
        if (Text(row, field) is not { } text) return null;
        if (Number(text, field, min, max, $"{min}…{max}", errors) is not { } value) return null;
        if (value != Math.Floor(value))
        {
            errors.Add($"{Name(field)} {text} is not a whole number");
            return null;
        }
        return (int)value;
    }

    /// <summary>Spotify writes −1 for "no key detected", which is unknown, not an error.</summary>
    private int? Key(CatalogTable.Row row, List<string> errors) =>
        OptionalInteger(row, CatalogField.Key, -1, 11, errors) is { } key and >= 0 ? key : null;

    private bool? Flag(CatalogTable.Row row, CatalogField field, List<string> errors)
    {
        if (Text(row, field) is not { } text) return null;
        switch (text.ToLowerInvariant())
        {
            case "true" or "1" or "yes": return true;
            case "false" or "0" or "no": return false;
            default:
                errors.Add($"{Name(field)} '{text}' is not true/false");
                return null;
        }
    }

    /// <summary>The year a release date starts with: "2017-09-03", "1967-09" and "2010" all work.</summary>
    private int? YearOfReleaseDate(CatalogTable.Row row, List<string> errors)
    {
        if (Text(row, CatalogField.ReleaseDate) is not { } text) return null;
        if (text.Length < 4 || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || (text.Length > 4 && text[4] != '-'))
        {
            errors.Add($"release_date '{text}' does not start with a year (YYYY, YYYY-MM or YYYY-MM-DD)");
            return null;
        }
        if (year is < MinYear or > MaxYear)
        {
            errors.Add($"release_date '{text}' has a year outside {MinYear}…{MaxYear}");
            return null;
        }
        return year;
    }

    private string? Link(CatalogTable.Row row, List<string> errors)
    {
        if (Text(row, CatalogField.Link) is not { } text) return null;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)) return text;
        errors.Add($"link '{text}' is not an absolute http(s) URL");
        return null;
    }

    /// <summary>Written for "no genre" by catalogs exported from Python (the top-hits file has 18).</summary>
    private const string EmptyPythonSet = "set()";

    /// <summary>"rock, pop" → [rock, pop]: lower-case, no blanks, no repeats.</summary>
    private IReadOnlyList<string> Genres(CatalogTable.Row row) =>
        Text(row, CatalogField.Genre) is { } text
            ? text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(g => g.ToLowerInvariant()).Where(g => g != EmptyPythonSet).Distinct().ToList()
            : [];
}
