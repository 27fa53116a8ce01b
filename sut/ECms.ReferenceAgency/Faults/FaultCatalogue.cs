using System.Text;
using System.Text.Json;

namespace ECms.ReferenceAgency.Faults;

/// <summary>
/// The fault switches and, per fault, the checklist items a correct conformance suite must mark Failed (or Warning,
/// for SHOULD rules) — the suite's expected-deviation list. The data lives in one file, fault-catalogue.json.
/// </summary>
public static class FaultCatalogue
{
    private const string Resource = "ECms.ReferenceAgency.Faults.fault-catalogue.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };
    private static readonly Lazy<FaultDescription[]> Loaded = new(Load);

    public static IReadOnlyList<FaultDescription> All => Loaded.Value;

    public static FaultDescription Describe(AgencyFault fault) =>
        All.FirstOrDefault(f => f.Fault == fault)
        ?? throw new InvalidOperationException($"fault-catalogue.json has no entry for {NameOf(fault)}.");

    /// <summary>The kebab-case name used on the command line and in the catalogue (BuddhistEraDates → buddhist-era-dates).</summary>
    public static string NameOf(AgencyFault fault)
    {
        var pascal = fault.ToString();
        var name = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                name.Append('-');
            }

            name.Append(char.ToLowerInvariant(pascal[i]));
        }

        return name.ToString();
    }

    public static bool TryParse(string? name, out AgencyFault fault)
    {
        foreach (var candidate in Enum.GetValues<AgencyFault>())
        {
            if (string.Equals(NameOf(candidate), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                fault = candidate;
                return true;
            }
        }

        fault = default;
        return false;
    }

    public static IEnumerable<string> Names => Enum.GetValues<AgencyFault>().Select(NameOf);

    /// <summary>The catalogue file's text exactly as shipped, for tools that read it without this assembly's types.</summary>
    public static string ReadJson()
    {
        using var stream = OpenResource();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static Stream OpenResource() =>
        typeof(FaultCatalogue).Assembly.GetManifestResourceStream(Resource)
        ?? throw new InvalidOperationException($"Resource {Resource} is missing from {typeof(FaultCatalogue).Assembly.GetName().Name}.");

    private static FaultDescription[] Load()
    {
        using var stream = OpenResource();
        var file = JsonSerializer.Deserialize<CatalogueFile>(stream, Json)
            ?? throw new InvalidOperationException("fault-catalogue.json is empty.");
        return file.Faults.Select(f =>
        {
            if (!TryParse(f.Name, out var fault))
            {
                throw new InvalidOperationException($"fault-catalogue.json names an unknown fault \"{f.Name}\".");
            }

            return new FaultDescription(fault, f.Name, f.Description.En, f.Description.Th, f.Wire,
                f.Expected.Select(e => e.ToVerdict()).ToArray(), f.Consequences.Select(e => e.ToVerdict()).ToArray());
        }).ToArray();
    }

    private sealed record CatalogueFile(int Version, IReadOnlyList<FaultRow> Faults);

    private sealed record FaultRow(
        string Name,
        TextRow Description,
        string Wire,
        IReadOnlyList<VerdictRow> Expected,
        IReadOnlyList<VerdictRow> Consequences);

    private sealed record TextRow(string En, string Th);

    private sealed record VerdictRow(string Item, string Verdict, IReadOnlyList<string> Rules, string Why)
    {
        public ExpectedVerdict ToVerdict() => new(Item, Verdict, Rules, Why);
    }
}

/// <summary>One fault of the catalogue.</summary>
/// <param name="Expected">Items whose own checks see this deviation: a correct suite must mark each as stated.</param>
/// <param name="Consequences">Items that also fail when the deviation blocks their flow, depending on the hub's strictness.</param>
public sealed record FaultDescription(
    AgencyFault Fault,
    string Name,
    string DescriptionEn,
    string DescriptionTh,
    string Wire,
    IReadOnlyList<ExpectedVerdict> Expected,
    IReadOnlyList<ExpectedVerdict> Consequences);

/// <summary>A checklist item (A1…F7), the verdict a correct suite gives it (Failed / Warning), the rules involved and why.</summary>
public sealed record ExpectedVerdict(
    string Item,
    string Verdict,
    IReadOnlyList<string> Rules,
    string Why);
