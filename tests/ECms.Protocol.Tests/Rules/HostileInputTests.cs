using System.Text;
using System.Xml.Linq;
using ECms.Protocol.Lifecycle;
using ECms.Protocol.Rules;
using ECms.Protocol.Wire;
using Shouldly;

namespace ECms.Protocol.Tests.Rules;

/// <summary>
/// Whatever arrives, the rule engine answers with findings and never throws: every spec example with each element
/// removed, repeated, renamed, emptied or filled with awkward text, and cut short at every few bytes.
/// </summary>
public class HostileInputTests
{
    private const string AwkwardText = " ๒๕๖๗-๑๓-๔๕ \uFFFD ??? à¸ &amp;amp; ";

    public static IEnumerable<string> Documents => TestDocument.AllSpecExamples;

    [TestCaseSource(nameof(Documents))]
    public void Validate_EveryElementMutated_NeverThrows(string document)
    {
        var mutants = Mutants(TestDocument.Spec(document)).ToList();

        var failures = mutants.SelectMany(m => HubContexts.Select(c => (m.Name, Error: Run(m.Bytes, c)))).Where(r => r.Error is not null).ToList();

        mutants.Count.ShouldBeGreaterThan(4);
        failures.ShouldBeEmpty();
    }

    [TestCaseSource(nameof(Documents))]
    public void Validate_CutShortAnywhere_NeverThrowsAndReportsUnusableXml(string document)
    {
        var bytes = TestDocument.Spec(document).Bytes;

        var reports = Enumerable.Range(0, bytes.Length / 5).Select(i => RuleEngine.Standard.Validate(bytes.AsMemory(0, i * 5), HubContexts[0])).ToList();

        reports.ShouldAllBe(r => r.Has("R-ENV-0"));
    }

    [Test]
    public void Validate_MegabyteOfRawAmpersands_ReportsAHandfulOfExamples()
    {
        var flood = TestDocument.Spec(TestDocument.SendLetter).Replace("<ram:Description>", "<ram:Description>" + new string('&', 1 << 20));

        var report = RuleEngine.Standard.Validate(flood.Bytes, Contexts.Offline());

        report.Findings.Count(f => f.RuleId == "R-SEND-TXT").ShouldBe(5);
    }

    private static RuleContext[] HubContexts =>
        [Contexts.AtHub(Agencies.B), Contexts.WithLetter(Agencies.A, LetterState.Registered, SpecLetter.AcceptId, ValidationProfile.Lenient) with
        {
            Queues = new FakeQueueView().Queued(Agencies.A, "B1X0000000041"),
        }];

    private static string? Run(byte[] bytes, RuleContext context)
    {
        try
        {
            RuleEngine.Standard.Validate(bytes, context);
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ex.ToString();
        }
    }

    private static IEnumerable<TestDocument> Mutants(TestDocument original)
    {
        var count = SafeXml(original).Root!.Descendants().Count();
        for (var i = 0; i < count; i++)
        {
            var at = i;
            yield return Mutate(original, $"remove #{at}", e => e.Remove(), at);
            yield return Mutate(original, $"repeat #{at}", e => e.AddAfterSelf(new XElement(e)), at);
            yield return Mutate(original, $"rename #{at}", e => e.Name = e.Name.Namespace + e.Name.LocalName.ToLowerInvariant(), at);
            yield return Mutate(original, $"empty #{at}", e => e.RemoveNodes(), at);
            yield return Mutate(original, $"awkward #{at}", e => e.Value = AwkwardText, at);
            yield return Mutate(original, $"unqualify #{at}", e => e.Name = e.Name.LocalName, at);
        }
    }

    private static TestDocument Mutate(TestDocument original, string name, Action<XElement> change, int index) =>
        original.Edit(d => change(d.Root!.Descendants().ElementAt(index))) with { Name = $"{original.Name} {name}" };

    private static XDocument SafeXml(TestDocument document) =>
        SafeXmlLoader.Load(Encoding.UTF8.GetBytes(document.Text)).Document!;
}
