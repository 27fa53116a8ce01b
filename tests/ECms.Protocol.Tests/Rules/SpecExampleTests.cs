using ECms.Protocol.Lifecycle;
using ECms.Protocol.Rules;
using Shouldly;

namespace ECms.Protocol.Tests.Rules;

/// <summary>Every message of spec §10 (and the §5 shapes it leaves out) is a conforming request, on disk and at the hub.</summary>
public class SpecExampleTests
{
    public static IEnumerable<TestCaseData> Examples =>
        from document in TestDocument.AllSpecExamples
        from profile in new[] { ValidationProfile.Strict, ValidationProfile.Lenient }
        from atHub in new[] { false, true }
        select new TestCaseData(document, profile, atHub).SetArgDisplayNames(document, profile.ToString(), atHub ? "at the hub" : "offline");

    [TestCaseSource(nameof(Examples))]
    public void Validate_SpecExample_HasNoMustFinding(string document, ValidationProfile profile, bool atHub)
    {
        var context = atHub ? HubContextFor(document, profile) : Contexts.Offline(profile);

        var report = RuleEngine.Standard.Validate(TestDocument.Spec(document).Bytes, context);

        report.Operation.ShouldNotBe(Operation.Unknown);
        report.IsValid.ShouldBeTrue(string.Join(Environment.NewLine, report.Findings));
    }

    [TestCaseSource(typeof(TestDocument), nameof(TestDocument.AllSpecExamples))]
    public void Validate_SpecExampleAtTheHubInStrictProfile_HasNothingToWarnAbout(string document)
    {
        var context = HubContextFor(document, ValidationProfile.Strict);

        var report = RuleEngine.Standard.Validate(TestDocument.Spec(document).Bytes, context);

        report.Findings.Where(f => f.Level > RuleLevel.Info).ShouldBeEmpty(string.Join(Environment.NewLine, report.Findings));
    }

    /// <summary>The hub as it stands when the example is sent in the §10 story.</summary>
    private static RuleContext HubContextFor(string document, ValidationProfile profile) => document switch
    {
        TestDocument.SendLetter or TestDocument.GetOrganizationList => Contexts.AtHub(Agencies.A, profile),
        TestDocument.Pull => Contexts.AtHub(Agencies.B, profile),
        TestDocument.DeleteFromQueue => Contexts.AtHub(Agencies.B, profile) with { Queues = new FakeQueueView().Queued(Agencies.B, "B1X0000000041") },
        TestDocument.ReceiveLetter or TestDocument.InvalidLetter => Contexts.WithLetter(Agencies.B, LetterState.Delivered, profile: profile),
        TestDocument.AcceptLetter or TestDocument.RejectLetter => Contexts.WithLetter(Agencies.B, LetterState.Acknowledged, profile: profile),
        TestDocument.Withdraw => Contexts.WithLetter(Agencies.A, LetterState.Rejected, profile: profile),
        TestDocument.InvalidAcceptId => Contexts.WithLetter(Agencies.A, LetterState.Registered, SpecLetter.AcceptId, profile),
        _ => throw new ArgumentOutOfRangeException(nameof(document), document, "No hub context for this example."),
    };
}
