using System.Reflection;
using ECms.Reports.Model;

namespace ECms.Conformance.Steps.Checklist;

/// <summary>
/// features/checklist.csv, embedded in the suite: every checklist item with its titles, level, role, rules, manual
/// sections and — for an item without a scenario — why it is not tested.
/// </summary>
public sealed class ChecklistCatalog
{
    public const string ResourceName = "features/checklist.csv";

    private static readonly string[] Header = ["id", "title_th", "title_en", "level", "role", "rules", "manual_sections", "not_tested_reason"];
    private static readonly Lazy<ChecklistCatalog> Embedded = new(() => Parse(ReadResource(typeof(ChecklistCatalog).Assembly)));

    private readonly Dictionary<string, ChecklistItem> _byId;

    private ChecklistCatalog(IReadOnlyList<ChecklistItem> items)
    {
        Items = items;
        _byId = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
    }

    /// <summary>The checklist shipped in this suite.</summary>
    public static ChecklistCatalog Standard => Embedded.Value;

    public IReadOnlyList<ChecklistItem> Items { get; }

    public ChecklistItem? Find(string id) => _byId.GetValueOrDefault(id);

    /// <exception cref="FormatException">The text is not the checklist's CSV; the message names the line.</exception>
    public static ChecklistCatalog Parse(string csv)
    {
        var rows = CsvText.Parse(csv);
        if (rows.Count == 0 || !rows[0].SequenceEqual(Header, StringComparer.Ordinal))
        {
            throw new FormatException($"checklist.csv must start with the header {string.Join(",", Header)}.");
        }

        var items = new List<ChecklistItem>();
        for (var line = 1; line < rows.Count; line++)
        {
            var row = rows[line];
            if (row.Count == 1 && row[0].Length == 0)
            {
                continue;
            }

            if (row.Count != Header.Length)
            {
                throw new FormatException($"checklist.csv line {line + 1} has {row.Count} fields; every row has {Header.Length}.");
            }

            var level = row[3] switch
            {
                "MUST" => RequirementLevel.Must,
                "SHOULD" => RequirementLevel.Should,
                _ => throw new FormatException($"checklist.csv line {line + 1}: level \"{row[3]}\" is neither MUST nor SHOULD."),
            };
            items.Add(new ChecklistItem(row[0], row[1], row[2], level, row[4], List(row[5]), List(row[6]), row[7].Length == 0 ? null : row[7]));
        }

        var duplicates = items.GroupBy(i => i.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (duplicates.Length > 0)
        {
            throw new FormatException($"checklist.csv lists {string.Join(", ", duplicates)} more than once.");
        }

        return new ChecklistCatalog(items.OrderBy(i => i.Id, ChecklistOrder.Comparer).ToArray());
    }

    internal static string ReadResource(Assembly assembly)
    {
        using var stream = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} does not embed {ResourceName}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string[] List(string field) =>
        field.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
