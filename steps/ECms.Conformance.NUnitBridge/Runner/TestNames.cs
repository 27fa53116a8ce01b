using System.Globalization;
using System.Text;

namespace ECms.Conformance.NUnitBridge.Runner;

/// <summary>
/// Turns titles and paths into identifiers: <c>dotnet test --filter</c> cannot take names with spaces,
/// so tests are named like C# members and the readable title is kept elsewhere.
/// </summary>
internal static class TestNames
{
    public static string ForFeature(string uri)
    {
        var withoutExtension = uri.EndsWith(".feature", StringComparison.OrdinalIgnoreCase) ? uri[..^".feature".Length] : uri;
        var parts = withoutExtension.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(p => ToIdentifier(p, "Feature"));
        return string.Join("_", parts);
    }

    public static string ForScenario(string title, int? exampleNumber)
    {
        var name = ToIdentifier(title, "Scenario");
        return exampleNumber is { } n ? $"{name}_Example{n}" : name;
    }

    /// <summary>PascalCases words, keeping letters and digits of any script (Thai titles keep their combining marks).</summary>
    public static string ToIdentifier(string text, string fallback)
    {
        var builder = new StringBuilder(text.Length);
        var startOfWord = true;
        foreach (var c in text)
        {
            if (c is '\'' or '\u2019')
            {
                // An apostrophe does not start a word: "scenario's" gives Scenarios, not ScenarioS.
                continue;
            }

            if (IsIdentifierPart(c))
            {
                builder.Append(startOfWord ? char.ToUpperInvariant(c) : c);
                startOfWord = false;
            }
            else
            {
                startOfWord = true;
            }
        }

        if (builder.Length == 0)
        {
            return fallback;
        }

        return char.IsDigit(builder[0]) ? fallback + builder : builder.ToString();
    }

    private static bool IsIdentifierPart(char c) =>
        c == '_' || char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>Appends _2, _3… to repeated names so every test in a fixture stays addressable.</summary>
    public static IReadOnlyList<string> MakeUnique(IEnumerable<string> names)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var name in names)
        {
            var candidate = name;
            for (var n = 2; !used.Add(candidate); n++)
            {
                candidate = $"{name}_{n}";
            }

            result.Add(candidate);
        }

        return result;
    }
}
