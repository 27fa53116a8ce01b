using ECms.Protocol.Rules;
using static ECms.Protocol.Lifecycle.LetterState;
using static ECms.Protocol.Rules.RuleLevel;
using static ECms.Protocol.Tests.Rules.RuleCase;

namespace ECms.Protocol.Tests.Rules;

public class QueueRuleTests
{
    private const string ProcessId = "B1X0000000041";
    private const string ProcessIdElement = "<ProcessID>B1X0000000041</ProcessID>";
    private const string AcceptDepartment = "<AcceptDepartment><Code>9900200000</Code></AcceptDepartment>";

    private static TestDocument Pull => TestDocument.Spec(TestDocument.Pull);
    private static TestDocument Delete => TestDocument.Spec(TestDocument.DeleteFromQueue);
    private static TestDocument Withdraw => TestDocument.Spec(TestDocument.Withdraw);

    private static RuleContext BWithQueue(FakeQueueView queue, ValidationProfile profile = ValidationProfile.Strict) =>
        Contexts.AtHub(Agencies.B, profile) with { Queues = queue };

    public static IEnumerable<RuleCase> Cases =>
    [
        // R-PULL-1
        Passes("R-PULL-1", "empty element", Pull),
        Passes("R-PULL-1", "empty element written with an end tag", Pull.Replace("<CorrespondenceLetterInboundRequest/>", "<CorrespondenceLetterInboundRequest>\n    </CorrespondenceLetterInboundRequest>")),
        Fails("R-PULL-1", "a child element", Pull.Replace("<CorrespondenceLetterInboundRequest/>", $"<CorrespondenceLetterInboundRequest>{ProcessIdElement}</CorrespondenceLetterInboundRequest>"), Must, Paths.Pull + "/ProcessID"),
        Fails("R-PULL-1", "text content", Pull.Replace("<CorrespondenceLetterInboundRequest/>", "<CorrespondenceLetterInboundRequest>next</CorrespondenceLetterInboundRequest>"), Must, Paths.Pull, value: "next"),

        // R-DEL-1
        Passes("R-DEL-1", "an item of the caller's queue", Delete, BWithQueue(new FakeQueueView().Queued(Agencies.B, ProcessId))),
        Passes("R-DEL-1", "no queue view (a file)", Delete),
        Fails("R-DEL-1", "no ProcessID", Delete.Remove(ProcessIdElement), Must, Paths.Delete + "/ProcessID"),
        Fails("R-DEL-1", "processID in lower case (R-HUB-5)", Delete.Replace(ProcessIdElement, "<processID>B1X0000000041</processID>"), Must, Paths.Delete + "/processID"),
        Fails("R-DEL-1", "empty ProcessID", Delete.Replace(ProcessIdElement, "<ProcessID> </ProcessID>"), Must, Paths.Delete + "/ProcessID"),
        Fails("R-DEL-1", "two ProcessIDs", Delete.Replace(ProcessIdElement, ProcessIdElement + ProcessIdElement), Must, Paths.Delete + "/ProcessID[2]"),
        Fails("R-DEL-1", "unknown ProcessID", Delete, Must, Paths.Delete + "/ProcessID", BWithQueue(new FakeQueueView()), ProcessId),
        Fails("R-DEL-1", "another agency's item", Delete, Must, Paths.Delete + "/ProcessID", BWithQueue(new FakeQueueView().Queued(Agencies.A, ProcessId))),
        Fails("R-DEL-1", "deleted twice, strict", Delete, Must, Paths.Delete + "/ProcessID", BWithQueue(new FakeQueueView().Deleted(Agencies.B, ProcessId))),
        Fails("R-DEL-1", "deleted twice, lenient (idempotent retry)", Delete, Should, Paths.Delete + "/ProcessID", BWithQueue(new FakeQueueView().Deleted(Agencies.B, ProcessId), ValidationProfile.Lenient)),

        // R-DELDOC-1
        Passes("R-DELDOC-1", "sender withdraws a rejected letter", Withdraw, Contexts.WithLetter(Agencies.A, Rejected)),
        Passes("R-DELDOC-1", "sender withdraws a letter reported invalid", Withdraw, Contexts.WithLetter(Agencies.A, Invalid)),
        Passes("R-DELDOC-1", "no registry (a file)", Withdraw),
        Fails("R-DELDOC-1", "AcceptDepartment missing", Withdraw.Remove(AcceptDepartment), Must, Paths.Withdraw + "/AcceptDepartment"),
        Fails("R-DELDOC-1", "departments swapped in order", Withdraw.Remove(AcceptDepartment).Replace("<SenderDepartment>", AcceptDepartment + "<SenderDepartment>"), Must, Paths.Withdraw + "/SenderDepartment"),
        Fails("R-DELDOC-1", "empty LetterID", Withdraw.Replace("<LetterID>ทส 9901.3/1187</LetterID>", "<LetterID/>"), Must, Paths.Withdraw + "/LetterID"),
        Fails("R-DELDOC-1", "Buddhist-era date", Withdraw.Replace("2024-06-11", "2567-06-11"), Must, Paths.Withdraw + "/CorrespondenceDate", value: "2567-06-11"),
        Fails("R-DELDOC-1", "5-digit 1.x receiver code", Withdraw.Replace("<Code>9900200000</Code>", "<Code>99002</Code>"), Must, Paths.Withdraw + "/AcceptDepartment/Code"),
        Fails("R-DELDOC-1", "the receiver tries to withdraw", Withdraw.Replace(Agencies.EndpointA, Agencies.EndpointB), Must, Paths.Withdraw + "/SenderDepartment/Code", Contexts.WithLetter(Agencies.B, Rejected)),
        Fails("R-DELDOC-1", "no such letter", Withdraw, Must, Paths.Withdraw + "/LetterID", Contexts.AtHub(Agencies.A)),
        Fails("R-DELDOC-1", "registered letter, strict", Withdraw, Must, Paths.Withdraw, Contexts.WithLetter(Agencies.A, Registered, SpecLetter.AcceptId), Registered.ToString()),
        Fails("R-DELDOC-1", "registered letter, lenient", Withdraw, Must, Paths.Withdraw, Contexts.WithLetter(Agencies.A, Registered, SpecLetter.AcceptId, ValidationProfile.Lenient)),
        Fails("R-DELDOC-1", "acknowledged letter, strict", Withdraw, Must, Paths.Withdraw, Contexts.WithLetter(Agencies.A, Acknowledged)),
        Fails("R-DELDOC-1", "acknowledged letter, lenient", Withdraw, Should, Paths.Withdraw, Contexts.WithLetter(Agencies.A, Acknowledged, profile: ValidationProfile.Lenient)),
        Fails("R-DELDOC-1", "already withdrawn", Withdraw, Must, Paths.Withdraw, Contexts.WithLetter(Agencies.A, Withdrawn)),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Validate_TableCase_ReportsWhatTheTableSays(RuleCase expected)
    {
        var report = RuleEngine.Standard.Validate(expected.Document.Bytes, expected.Context);

        report.ShouldSatisfy(expected);
    }
}
