using ECms.Conformance.NUnitBridge.Runner;
using ECms.Conformance.Steps.Run;
using ECms.Reports.Model;
using Shouldly;

namespace ECms.Cli.Tests;

// How VerdictParityTests reads a TRX: if this reading were wrong, the parity test could agree for the wrong reason.
public sealed class SuiteTrxTests
{
    private static FeatureCatalog Suite => FeatureCatalog.For(typeof(ConformanceRunner).Assembly);

    private static IEnumerable<TestCaseData> Outcomes() =>
    [
        new TestCaseData("Passed", null, "Given …\n-> done: TransportSteps.Connected() (0.0s)", Verdict.Passed).SetName("VerdictOf_PlainPass_Passed"),
        new TestCaseData("Passed", null, "-> error: Warning (a SHOULD is broken): x (0.1s)\n\nWarning (a SHOULD is broken): x", Verdict.Warning).SetName("VerdictOf_PassWithNUnitWarning_Warning"),
        new TestCaseData("Passed", null, "-> error: Warning (a SHOULD is broken): x (0.1s)", Verdict.Passed).SetName("VerdictOf_WarningOnlyInAStepTrace_Passed"),
        new TestCaseData("Failed", "Failed (a MUST is broken): SecretCode …", "", Verdict.Failed).SetName("VerdictOf_MustBroken_Failed"),
        new TestCaseData("Failed", "Error (the harness could not judge): the SUT stopped answering", "", Verdict.Error).SetName("VerdictOf_HarnessError_Error"),
        new TestCaseData("Failed", "System.NullReferenceException : Object reference not set", "", Verdict.Error).SetName("VerdictOf_UnrecordedException_Error"),
        new TestCaseData("NotExecuted", "Not applicable: needs an operator", "", Verdict.NotApplicable).SetName("VerdictOf_Ignored_NotApplicable"),
        new TestCaseData("Timeout", null, "", Verdict.Error).SetName("VerdictOf_Timeout_Error"),
    ];

    [TestCaseSource(nameof(Outcomes))]
    public void VerdictOf_Outcome_IsTheVerdictNUnitSignalsMeant(string outcome, string? message, string stdOut, Verdict expected)
    {
        var result = new TrxResult("Features_Sender_Sending", "C1Anything", outcome, message, stdOut);

        var verdict = SuiteTrx.VerdictOf(result);

        verdict.ShouldBe(expected);
    }

    [Test]
    public void ItemVerdicts_OutlineWithOneFailingExample_TheItemFails()
    {
        var outline = Suite.Features.SelectMany(f => f.Pickles).GroupBy(p => p.Pickle.AstNodeIds[0]).First(g => g.Count() > 1).ToArray();
        var results = outline.Select((p, i) => new TrxResult(p.Feature.TestName, p.TestName, i == 1 ? "Failed" : "Passed", i == 1 ? "Failed (a MUST is broken): no" : null, ""));

        var verdicts = SuiteTrx.ItemVerdicts(results, Suite);

        verdicts.Count.ShouldBe(1);
        verdicts.Single().Value.ShouldBe(Verdict.Failed);
    }

    [Test]
    public void ItemVerdicts_TestTheSuiteDoesNotHave_IsReportedAsNoItem()
    {
        var results = new[] { new TrxResult("Features_Nowhere", "Z9Unknown", "Passed", null, "") };

        var verdicts = SuiteTrx.ItemVerdicts(results, Suite);

        verdicts.Keys.Single().ShouldStartWith("(no item:");
    }
}
