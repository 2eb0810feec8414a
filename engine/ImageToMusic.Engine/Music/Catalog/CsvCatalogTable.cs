using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace ImageToMusic.Engine.Music.Catalog;

/// <summary>Reads a comma-separated catalog (header line first) into a <see cref="CatalogTable"/>.</summary>
internal static class CsvCatalogTable
{
    public static CatalogTable Read(string path, string fileName)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            // A stray quote inside an unquoted title (12" mix) is common and harmless: keep the text as it is.
            BadDataFound = null,
        };
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } headers)
            throw new InvalidDataException($"{fileName}: the file has no header line (it is empty).");

        var rows = new List<CatalogTable.Row>();
        while (csv.Read())
        {
            var raw = csv.Parser.RawRecord.TrimEnd('\r', '\n');
            // RawRow counts lines up to the end of this record; a quoted field may span several.
            var line = csv.Parser.RawRow - raw.Count(c => c == '\n');
            rows.Add(new CatalogTable.Row(line, csv.Parser.Record ?? []));
        }
        return new CatalogTable(headers, rows);
    }
}
