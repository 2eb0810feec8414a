using System.Text.RegularExpressions;

namespace ImageToMusic.Functions.Tests.Infra;

/// <summary>
/// Just enough reading of Bicep source for offline consistency checks (no Bicep compiler here): declared params,
/// module references and the top-level keys of object literals, found by brace matching.
/// </summary>
internal sealed partial class BicepText(string path)
{
    public string Path { get; } = path;
    /// <summary>The source without // comments, so words in comments are never read as code.</summary>
    public string Text { get; } = Comment().Replace(File.ReadAllText(path), "");

    /// <summary>Declared parameters, each with whether it has a default value.</summary>
    public IReadOnlyDictionary<string, bool> Params =>
        ParamLine().Matches(Text).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["default"].Success);

    /// <summary>Each `module name 'path' = { ... }`: its path and the keys of its params object.</summary>
    public IEnumerable<(string Name, string Path, IReadOnlyList<string> Params)> Modules =>
        ModuleLine().Matches(Text).Select(m =>
        {
            var body = Block(m.Index + m.Length - 1);
            var paramsAt = ParamsKey().Match(body);
            IReadOnlyList<string> keys = paramsAt.Success ? TopLevelKeys(Block(body, paramsAt.Index + paramsAt.Length - 1)) : [];
            return (m.Groups["name"].Value, m.Groups["path"].Value, keys);
        });

    /// <summary>Top-level keys of the object literal that follows <paramref name="label"/> (e.g. "appSettings:").</summary>
    public IReadOnlyList<string> KeysOf(string label)
    {
        var at = Text.IndexOf(label, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException($"{Path} has no '{label}'.");
        return TopLevelKeys(Block(Text.IndexOf('{', at)));
    }

    private string Block(int openBrace) => Block(Text, openBrace);

    private static string Block(string text, int openBrace)
    {
        var depth = 0;
        for (var i = openBrace; i < text.Length; i++)
        {
            if (text[i] == '{') depth++;
            else if (text[i] == '}' && --depth == 0) return text[(openBrace + 1)..i];
        }
        throw new InvalidOperationException("Unbalanced braces.");
    }

    // Splits the object body at depth 0 on newlines and commas (quoted text skipped whole), then reads each piece's key.
    private static List<string> TopLevelKeys(string objectBody)
    {
        var pieces = new List<string>();
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < objectBody.Length; i++)
        {
            var c = objectBody[i];
            if (c == '\'') quoted = !quoted;
            else if (quoted) continue;
            else if (c is '{' or '[') depth++;
            else if (c is '}' or ']') depth--;
            else if (depth == 0 && c is '\n' or ',')
            {
                pieces.Add(objectBody[start..i]);
                start = i + 1;
            }
        }
        pieces.Add(objectBody[start..]);
        return pieces.Select(p => TopLevelKey().Match(p)).Where(m => m.Success).Select(m => m.Groups["key"].Value).ToList();
    }

    [GeneratedRegex(@"(^|\s)//.*$", RegexOptions.Multiline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"^param\s+(?<name>\w+)\s+\w+(?<default>\s*=)?", RegexOptions.Multiline)]
    private static partial Regex ParamLine();

    [GeneratedRegex(@"^module\s+(?<name>\w+)\s+'(?<path>[^']+)'\s*=\s*{", RegexOptions.Multiline)]
    private static partial Regex ModuleLine();

    [GeneratedRegex(@"^\s*params:\s*{", RegexOptions.Multiline)]
    private static partial Regex ParamsKey();

    [GeneratedRegex(@"^\s*'?(?<key>[\w$]+)'?\s*:")]
    private static partial Regex TopLevelKey();
}
