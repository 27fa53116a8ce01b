using System.Text.Json;
using ECms.ReferenceAgency.Faults;

namespace ECms.ReferenceAgency.Tests.Unit;

/// <summary>The expected-deviation list is data the suite relies on: every entry must be usable as it stands.</summary>
public sealed class FaultCatalogueTests
{
    private static readonly HashSet<string> ChecklistItems =
    [
        .. Enumerable.Range(1, 8).Select(i => $"A{i}"), .. Enumerable.Range(1, 6).Select(i => $"B{i}"),
        .. Enumerable.Range(1, 22).Select(i => $"C{i}"), .. Enumerable.Range(1, 15).Select(i => $"D{i}"),
        .. Enumerable.Range(1, 10).Select(i => $"E{i}"), .. Enumerable.Range(1, 7).Select(i => $"F{i}"),
    ];

    [Test]
    public void All_EveryFaultSwitch_DescribedExactlyOnce()
    {
        var described = FaultCatalogue.All.Select(f => f.Fault).ToArray();

        described.ShouldBe(Enum.GetValues<AgencyFault>(), ignoreOrder: true);
        described.Distinct().Count().ShouldBe(described.Length);
    }

    [Test]
    public void All_EveryEntry_BilingualAndWithExpectedItems()
    {
        foreach (var fault in FaultCatalogue.All)
        {
            fault.DescriptionEn.ShouldNotBeNullOrWhiteSpace(fault.Name);
            fault.DescriptionTh.ShouldMatch(@"[\u0E00-\u0E7F]", fault.Name);
            fault.Wire.ShouldNotBeNullOrWhiteSpace(fault.Name);
            fault.Expected.ShouldNotBeEmpty(fault.Name);
        }
    }

    [Test]
    public void All_EveryVerdict_KnownItemVerdictAndRules()
    {
        foreach (var (fault, verdict) in FaultCatalogue.All.SelectMany(f => f.Expected.Concat(f.Consequences).Select(v => (f.Name, v))))
        {
            ChecklistItems.ShouldContain(verdict.Item, $"{fault}: {verdict.Item}");
            verdict.Verdict.ShouldBeOneOf("Failed", "Warning");
            verdict.Rules.ShouldNotBeEmpty($"{fault}: {verdict.Item}");
            verdict.Rules.ShouldAllBe(r => r.StartsWith("R-") || r.StartsWith('§'));
            verdict.Why.ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Test]
    public void All_NoItemBothExpectedAndConsequence()
    {
        foreach (var fault in FaultCatalogue.All)
        {
            fault.Expected.Select(v => v.Item).Intersect(fault.Consequences.Select(v => v.Item)).ShouldBeEmpty(fault.Name);
            fault.Expected.Select(v => v.Item).Distinct().Count().ShouldBe(fault.Expected.Count, fault.Name);
        }
    }

    [Test]
    public void ReadJson_AsShipped_ParsesWithoutTheseTypes()
    {
        using var document = JsonDocument.Parse(FaultCatalogue.ReadJson());

        document.RootElement.GetProperty("faults").GetArrayLength().ShouldBe(Enum.GetValues<AgencyFault>().Length);
    }

    [TestCase(AgencyFault.BuddhistEraDates, "buddhist-era-dates")]
    [TestCase(AgencyFault.Soap12Envelope, "soap12-envelope")]
    [TestCase(AgencyFault.WrongWsaTo, "wrong-wsa-to")]
    public void NameOf_Fault_KebabCaseRoundTrips(AgencyFault fault, string name)
    {
        FaultCatalogue.NameOf(fault).ShouldBe(name);
        FaultCatalogue.TryParse(name, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(fault);
    }
}
