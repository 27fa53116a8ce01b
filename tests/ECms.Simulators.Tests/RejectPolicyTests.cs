using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.Simulators.Errors;

namespace ECms.Simulators.Tests;

/// <summary>The one reject table: every rule mapped, each decision as spec §9.2 and the lenient list say.</summary>
public class RejectPolicyTests
{
    private const string Letter = "/Envelope/Body/CorrespondenceLetterOutboundRequest/GovernmentDocument/CorrespondenceLetter";
    private const string Withdraw = "/Envelope/Body/CorrespondenceDeleteGovernmentDocumentRequest";

    private static readonly string[] SpecRules =
    [
        "R-ENV-0", "R-ENV-1", "R-ENV-2", "R-ENV-3", "R-ENV-4", "R-ENV-5", "R-ENV-6", "R-ENV-7", "R-ENV-8",
        "R-SEND-1", "R-SEND-2", "R-SEND-3", "R-SEND-4", "R-SEND-5", "R-SEND-6", "R-SEND-7", "R-SEND-8", "R-SEND-9",
        "R-SEND-MAIN", "R-SEND-ATT", "R-SEND-REF", "R-SEND-TXT", "R-SEND-DUP", "R-SEND-SIZE", "R-SEND-SIG",
        "R-NTF-1", "R-NTF-ECHO", "R-NTF-ROLE", "R-NTF-ACC", "R-NTF-IAC", "R-NTF-STATE",
        "R-PULL-1", "R-DEL-1", "R-DELDOC-1", "R-DIR-1", "R-DIR-2",
    ];

    [Test]
    public void Table_EveryRuleOfTheCatalogue_HasARow()
    {
        var unmapped = RuleCatalog.All.Select(r => r.Id).Where(id => !RejectPolicy.Default.IsKnown(id)).ToArray();

        unmapped.ShouldBeEmpty("add these rules to RejectPolicy.Default so both modes decide on them deliberately");
    }

    [Test]
    public void Table_EveryRuleOfSpecSection7_HasARow()
    {
        SpecRules.Where(id => !RejectPolicy.Default.IsKnown(id)).ShouldBeEmpty();
    }

    public static IEnumerable<TestCaseData> Decisions()
    {
        yield return Row("R-SEND-DUP", Letter + "/ID", ValidationProfile.Lenient, true, HubErrorKind.DuplicateLetter);
        yield return Row("R-SEND-3", Letter + "/CorrespondenceDate", ValidationProfile.Lenient, false, HubErrorKind.InvalidValue);
        yield return Row("R-SEND-3", Letter + "/CorrespondenceDate", ValidationProfile.Strict, true, HubErrorKind.InvalidValue);
        yield return Row("R-SEND-7", Letter + "/SenderParty/MinistryOrganization/ID", ValidationProfile.Lenient, false, HubErrorKind.InvalidValue);
        yield return Row("R-SEND-7", Letter + "/ReceiverParty/DepartmentOrganization/ID", ValidationProfile.Lenient, true, HubErrorKind.UnknownReceiver);
        yield return Row("R-SEND-7", Letter + "/SenderParty/DepartmentOrganization/ID", ValidationProfile.Lenient, true, HubErrorKind.UnknownSender);
        yield return Row("R-SEND-8", Letter + "/SenderParty/DepartmentOrganization/ID", ValidationProfile.Lenient, true, HubErrorKind.UnknownSender);
        yield return Row("R-SEND-MAIN", Letter + "/MainLetterBinaryObject/@mimeCode", ValidationProfile.Lenient, false, HubErrorKind.InvalidValue);
        yield return Row("R-SEND-MAIN", Letter + "/MainLetterBinaryObject", ValidationProfile.Lenient, true, HubErrorKind.MainLetterMissing);
        yield return Row("R-ENV-3", "/Envelope/Header/To", ValidationProfile.Lenient, false, HubErrorKind.UnknownReceiver);
        yield return Row("R-ENV-5", Letter, ValidationProfile.Lenient, true, HubErrorKind.SchemaViolation);
        yield return Row("R-NTF-ECHO", "/Envelope/Body/CorrespondenceLetterOutboundRequest/ReceiveLetterNotifier/LetterID", ValidationProfile.Lenient, true, HubErrorKind.LetterNotFound);
        yield return Row("R-DEL-1", "/Envelope/Body/CorrespondenceLetterDeleteRequest/ProcessID", ValidationProfile.Lenient, true, HubErrorKind.UnknownProcessId);
        yield return Row("R-DELDOC-1", Withdraw, ValidationProfile.Lenient, true, HubErrorKind.TransitionNotAllowed);
        yield return Row("R-DELDOC-1", Withdraw + "/LetterID", ValidationProfile.Lenient, true, HubErrorKind.LetterNotFound);
        yield return Row("R-DELDOC-1", Withdraw + "/SenderDepartment/Code", ValidationProfile.Lenient, true, HubErrorKind.NotAParty);
        yield return Row("R-DELDOC-1", Withdraw + "/CorrespondenceDate", ValidationProfile.Lenient, false, HubErrorKind.InvalidValue);
        yield return Row("X-NEW-RULE", "/Envelope", ValidationProfile.Strict, true, HubErrorKind.SchemaViolation);
        yield return Row("X-NEW-RULE", "/Envelope", ValidationProfile.Lenient, false, HubErrorKind.SchemaViolation);
    }

    [TestCaseSource(nameof(Decisions))]
    public void Rejects_MustFinding_AsTheTableSays(string ruleId, string path, ValidationProfile profile, bool rejects, HubErrorKind error)
    {
        var finding = new Finding(ruleId, RuleLevel.Must, "ทดสอบ", "test", path);

        var decided = RejectPolicy.Default.Rejects(finding, profile);

        decided.ShouldBe(rejects);
        RejectPolicy.Default.RowFor(finding).Error.ShouldBe(error);
    }

    [TestCase(RuleLevel.Should)]
    [TestCase(RuleLevel.Info)]
    public void Rejects_BelowMust_NeverEvenWhenStrict(RuleLevel level)
    {
        var finding = new Finding("R-SEND-DUP", level, "ทดสอบ", "test", Letter + "/ID");

        RejectPolicy.Default.Rejects(finding, ValidationProfile.Strict).ShouldBeFalse();
    }

    [TestCase(HubErrorKind.MalformedRequest, "E100")]
    [TestCase(HubErrorKind.SchemaViolation, "E110")]
    [TestCase(HubErrorKind.InvalidValue, "E120")]
    [TestCase(HubErrorKind.MainLetterMissing, "E130")]
    [TestCase(HubErrorKind.UnknownSender, "E200")]
    [TestCase(HubErrorKind.UnknownReceiver, "E210")]
    [TestCase(HubErrorKind.DuplicateLetter, "E300")]
    [TestCase(HubErrorKind.LetterNotFound, "E310")]
    [TestCase(HubErrorKind.TransitionNotAllowed, "E320")]
    [TestCase(HubErrorKind.NotAParty, "E330")]
    [TestCase(HubErrorKind.UnknownProcessId, "E400")]
    [TestCase(HubErrorKind.SimulatedOutage, "E900")]
    public void ErrorCatalog_Default_UsesSpecSection9Codes(HubErrorKind kind, string code)
    {
        ErrorCatalog.Default[kind].Code.ShouldBe(code);
    }

    [Test]
    public void ErrorCatalog_MissingEntry_IsRefusedAtConstruction()
    {
        var partial = new Dictionary<HubErrorKind, ErrorDetail> { [HubErrorKind.DuplicateLetter] = new("E300", "dup") };

        Should.Throw<ArgumentException>(() => new ErrorCatalog(partial)).Message.ShouldContain("MalformedRequest");
    }

    private static TestCaseData Row(string ruleId, string path, ValidationProfile profile, bool rejects, HubErrorKind error) =>
        new TestCaseData(ruleId, path, profile, rejects, error)
            .SetName($"Rejects_{ruleId.Replace('-', '_')}_{path.Split('/')[^1].Replace("@", "")}_{profile}_{(rejects ? "Refuses" : "Accepts")}");
}
