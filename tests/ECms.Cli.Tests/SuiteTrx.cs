using System.Xml;
using System.Xml.Linq;
using ECms.Conformance.NUnitBridge.Runner;
using ECms.Conformance.Steps.Verdicts;
using ECms.Reports.Model;

namespace ECms.Cli.Tests;

/// <summary>One test result of the suite as a TRX file has it.</summary>
/// <param name="Fixture">The NUnit fixture (one per feature), without its namespace.</param>
/// <param name="Test">The test (one per pickle).</param>
/// <param name="Outcome">TRX outcome: Passed, Failed, NotExecuted, …</param>
/// <param name="Message">The error message, when there is one.</param>
/// <param name="StdOut">The test's output; the NUnit adapter appends a passed test's message (a warning) to it.</param>
internal sealed record TrxResult(string Fixture, string Test, string Outcome, string? Message, string StdOut);

/// <summary>
/// Reads the TRX of `dotnet test` over the conformance suite back into checklist verdicts, only from what the file
/// says, the way a vendor's CI would: NUnitSignals' outcomes and messages, then the items' tags from the suite.
/// </summary>
internal static class SuiteTrx
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    // The messages NUnitSignals gives a Failed verdict and a Warning (a pass, with MapWarningTo=Passed in suite.runsettings).
    private const string FailedPrefix = "Failed (a MUST is broken):";
    private const string WarningPrefix = "Warning (a SHOULD is broken):";

    // The order ReportBuilder judges an item of several scenarios by: the worst one wins.
    private static readonly Verdict[] Severity = [Verdict.Error, Verdict.Failed, Verdict.Warning, Verdict.Passed, Verdict.NotApplicable];

    public static IReadOnlyList<TrxResult> Read(string path)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(path, settings);
        var trx = XDocument.Load(reader);
        var classes = trx.Descendants(Ns + "UnitTest").ToDictionary(
            t => (string)t.Attribute("id")!,
            t => (string)t.Element(Ns + "TestMethod")!.Attribute("className")!);
        return trx.Descendants(Ns + "UnitTestResult").Select(r =>
        {
            var className = classes[(string)r.Attribute("testId")!];
            return new TrxResult(
                className[(className.LastIndexOf('.') + 1)..],
                (string)r.Attribute("testName")!,
                (string)r.Attribute("outcome")!,
                (string?)r.Descendants(Ns + "ErrorInfo").Elements(Ns + "Message").FirstOrDefault(),
                (string?)r.Descendants(Ns + "StdOut").FirstOrDefault() ?? "");
        }).ToArray();
    }

    /// <summary>The verdict one test result stands for.</summary>
    public static Verdict VerdictOf(TrxResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome switch
        {
            "Passed" when result.StdOut.Split('\n').Any(l => l.StartsWith(WarningPrefix, StringComparison.Ordinal)) => Verdict.Warning,
            "Passed" => Verdict.Passed,
            "Failed" when result.Message?.StartsWith(FailedPrefix, StringComparison.Ordinal) == true => Verdict.Failed,
            // NUnitSignals ignores a NotApplicable item; nothing else in the suite is skipped.
            "NotExecuted" => Verdict.NotApplicable,
            // Any other failure (NUnitSignals' "Error (the harness could not judge)", an exception no check recorded),
            // and any outcome the suite never produces (timeout, aborted…): the harness did not judge the item.
            _ => Verdict.Error,
        };
    }

    /// <summary>Every checklist item the results cover, with its verdict over all of its scenarios.</summary>
    public static IReadOnlyDictionary<string, Verdict> ItemVerdicts(IEnumerable<TrxResult> results, FeatureCatalog suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var items = suite.Features
            .SelectMany(f => f.Pickles.Select(p => (Key: (f.TestName, p.TestName), Item: ScenarioTags.From(p.Tags).ItemId)))
            .ToDictionary(p => p.Key, p => p.Item);
        return results
            .GroupBy(r => items.GetValueOrDefault((r.Fixture, r.Test)) ?? $"(no item: {r.Fixture}.{r.Test})")
            .ToDictionary(g => g.Key, g => Worst(g.Select(VerdictOf).ToArray()));
    }

    private static Verdict Worst(Verdict[] verdicts) =>
        verdicts.All(v => v == Verdict.NotApplicable) ? Verdict.NotApplicable : Severity.First(verdicts.Contains);
}
