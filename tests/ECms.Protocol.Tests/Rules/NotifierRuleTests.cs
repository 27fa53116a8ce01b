using ECms.Protocol.Lifecycle;
using ECms.Protocol.Rules;
using static ECms.Protocol.Lifecycle.LetterState;
using static ECms.Protocol.Rules.RuleLevel;
using static ECms.Protocol.Tests.Rules.RuleCase;

namespace ECms.Protocol.Tests.Rules;

public class NotifierRuleTests
{
    private const string Subject = "ขอความอนุเคราะห์ข้อมูลสถิติการใช้บริการ ปี 2566 &amp; 2567";
    private const string AcceptIdElement = "<AcceptID>รับ 2567/04512</AcceptID>";

    private static readonly string ReceivePath = Paths.Notifier("ReceiveLetterNotifier");
    private static readonly string AcceptPath = Paths.Notifier("AcceptLetterNotifier");
    private static readonly string InvalidAcceptIdPath = Paths.Notifier("InvalidAcceptIDNotifier");

    private static TestDocument Receive => TestDocument.Spec(TestDocument.ReceiveLetter);
    private static TestDocument Accept => TestDocument.Spec(TestDocument.AcceptLetter);
    private static TestDocument Reject => TestDocument.Spec(TestDocument.RejectLetter);
    private static TestDocument InvalidLetter => TestDocument.Spec(TestDocument.InvalidLetter);
    private static TestDocument InvalidAcceptId => TestDocument.Spec(TestDocument.InvalidAcceptId);

    /// <summary>Another letter B received from A and registered under the same receipt number.</summary>
    private static readonly LetterRecord OtherLetterWithSameAcceptId =
        new(SpecLetter.Key with { LetterId = "ทส 9901.3/1000" }, Registered, "เรื่องอื่น", SpecLetter.AcceptId);

    private static RuleContext ReceiverWith(LetterState state, string? acceptId = null, ValidationProfile profile = ValidationProfile.Strict) =>
        Contexts.WithLetter(Agencies.B, state, acceptId, profile);

    private static RuleContext SenderWith(LetterState state, string? acceptId = null, ValidationProfile profile = ValidationProfile.Strict) =>
        Contexts.WithLetter(Agencies.A, state, acceptId, profile);

    public static IEnumerable<RuleCase> Cases =>
    [
        // R-NTF-1
        Passes("R-NTF-1", "ReceiveLetterNotifier", Receive),
        Passes("R-NTF-1", "AcceptLetterNotifier", Accept),
        Passes("R-NTF-1", "RejectLetterNotifier", Reject),
        Passes("R-NTF-1", "InvalidLetterNotifier", InvalidLetter),
        Passes("R-NTF-1", "InvalidAcceptIDNotifier", InvalidAcceptId),
        Fails("R-NTF-1", "AcceptLetterNotifier without AcceptID", Accept.Remove(AcceptIdElement), Must, AcceptPath + "/AcceptID"),
        Fails("R-NTF-1", "AcceptID in a ReceiveLetterNotifier (R-HUB-7)", Receive.Replace("</LetterID>", "</LetterID>" + AcceptIdElement), Must, ReceivePath + "/AcceptID"),
        Fails("R-NTF-1", "Subject before CorrespondenceDate", Receive.Replace("<CorrespondenceDate>2024-06-11</CorrespondenceDate>", "")
            .Replace("</Subject>", "</Subject><CorrespondenceDate>2024-06-11</CorrespondenceDate>"), Must, ReceivePath + "/CorrespondenceDate"),
        Fails("R-NTF-1", "hub-only field AcceptDate in a request", Receive.Replace("</Subject>", "</Subject><AcceptDate>2024-06-11T09:45:02.114</AcceptDate>"), Must, ReceivePath + "/AcceptDate"),
        Fails("R-NTF-1", "two notifiers in one request", Reject.Replace("</RejectLetterNotifier>", "</RejectLetterNotifier><InvalidLetterNotifier/>"), Must, Paths.Notifier("InvalidLetterNotifier")),
        Fails("R-NTF-1", "misspelt notifier name", InvalidAcceptId.ReplaceAll("InvalidAcceptIDNotifier", "InvalidAcceptIdNotifier"), Must, Paths.Notifier("InvalidAcceptIdNotifier"), value: "InvalidAcceptIdNotifier"),
        Fails("R-NTF-1", "empty LetterID", Receive.Replace("<LetterID>ทส 9901.3/1187</LetterID>", "<LetterID></LetterID>"), Must, ReceivePath + "/LetterID"),
        Fails("R-NTF-1", "Buddhist-era CorrespondenceDate", Receive.Replace("2024-06-11", "2567-06-11"), Must, ReceivePath + "/CorrespondenceDate", value: "2567-06-11"),

        // R-NTF-ECHO
        Passes("R-NTF-ECHO", "echoes the delivered letter", Receive, ReceiverWith(Delivered)),
        Passes("R-NTF-ECHO", "no registry (a file)", Receive),
        Passes("R-NTF-ECHO", "wsa:To unresolvable: found among the caller's letters", Receive.Replace(Agencies.EndpointA, "http://nowhere.test/ecms-ws01/service2"), ReceiverWith(Delivered)),
        Fails("R-NTF-ECHO", "no such letter", Receive, Must, ReceivePath + "/LetterID", Contexts.AtHub(Agencies.B)),
        Fails("R-NTF-ECHO", "wrong date", Receive.Replace("2024-06-11", "2024-06-10"), Must, ReceivePath + "/LetterID", ReceiverWith(Delivered)),
        Fails("R-NTF-ECHO", "subject changed", Receive.Replace(Subject, "ขอข้อมูลสถิติ"), Should, ReceivePath + "/Subject", ReceiverWith(Delivered)),

        // R-NTF-ROLE
        Passes("R-NTF-ROLE", "receiver acknowledges", Receive, ReceiverWith(Delivered)),
        Passes("R-NTF-ROLE", "sender disputes the receipt number", InvalidAcceptId, SenderWith(Registered, SpecLetter.AcceptId)),
        Fails("R-NTF-ROLE", "sender acknowledges its own letter", Receive.Replace(Agencies.EndpointA, Agencies.EndpointB), Must, ReceivePath, SenderWith(Delivered), Agencies.A),
        Fails("R-NTF-ROLE", "receiver disputes its own receipt number", InvalidAcceptId.Replace(Agencies.EndpointB, Agencies.EndpointA), Must, InvalidAcceptIdPath, ReceiverWith(Registered, SpecLetter.AcceptId), Agencies.B),

        // R-NTF-ACC
        Passes("R-NTF-ACC", "a fresh receipt number", Accept, ReceiverWith(Acknowledged)),
        Passes("R-NTF-ACC", "the same letter accepted again after a dispute", Accept, ReceiverWith(AcceptIdDisputed, SpecLetter.AcceptId)),
        Fails("R-NTF-ACC", "empty AcceptID", Accept.Replace(AcceptIdElement, "<AcceptID> </AcceptID>"), Must, AcceptPath + "/AcceptID"),
        Fails("R-NTF-ACC", "receipt number of another letter, strict", Accept, Must, AcceptPath + "/AcceptID",
            Contexts.AtHub(Agencies.B) with { Letters = new FakeLetterRegistry(OtherLetterWithSameAcceptId, SpecLetter.In(Acknowledged)) }),
        Fails("R-NTF-ACC", "receipt number of another letter, lenient", Accept, Should, AcceptPath + "/AcceptID",
            Contexts.AtHub(Agencies.B, ValidationProfile.Lenient) with { Letters = new FakeLetterRegistry(OtherLetterWithSameAcceptId, SpecLetter.In(Acknowledged)) }),

        // R-NTF-IAC
        Passes("R-NTF-IAC", "disputes the recorded number", InvalidAcceptId, SenderWith(Registered, SpecLetter.AcceptId)),
        Fails("R-NTF-IAC", "disputes another number", InvalidAcceptId, Must, InvalidAcceptIdPath + "/AcceptID", SenderWith(Registered, "รับ 2567/09999")),
        Fails("R-NTF-IAC", "no number recorded yet", InvalidAcceptId, Must, InvalidAcceptIdPath + "/AcceptID", SenderWith(Acknowledged)),
        Fails("R-NTF-IAC", "empty AcceptID", InvalidAcceptId.Replace(AcceptIdElement, "<AcceptID/>"), Must, InvalidAcceptIdPath + "/AcceptID"),

        // R-NTF-STATE
        Passes("R-NTF-STATE", "acknowledge a delivered letter", Receive, ReceiverWith(Delivered)),
        Passes("R-NTF-STATE", "receipt number after the acknowledgement", Accept, ReceiverWith(Acknowledged)),
        Passes("R-NTF-STATE", "reject a delivered letter", Reject, ReceiverWith(Delivered)),
        Passes("R-NTF-STATE", "dispute a registered receipt number", InvalidAcceptId, SenderWith(Registered, SpecLetter.AcceptId)),
        Fails("R-NTF-STATE", "acknowledge before pulling, strict", Receive, Must, ReceivePath, ReceiverWith(Sent), Sent.ToString()),
        Fails("R-NTF-STATE", "acknowledge before pulling, lenient", Receive, Info, ReceivePath, ReceiverWith(Sent, profile: ValidationProfile.Lenient)),
        Fails("R-NTF-STATE", "receipt number without acknowledgement", Accept, Should, AcceptPath, ReceiverWith(Delivered)),
        Fails("R-NTF-STATE", "reject after registration, strict", Reject, Must, Paths.Notifier("RejectLetterNotifier"), ReceiverWith(Registered, SpecLetter.AcceptId)),
        Fails("R-NTF-STATE", "reject after registration, lenient", Reject, Info, Paths.Notifier("RejectLetterNotifier"), ReceiverWith(Registered, SpecLetter.AcceptId, ValidationProfile.Lenient)),
        Fails("R-NTF-STATE", "dispute before registration, lenient", InvalidAcceptId, Should, InvalidAcceptIdPath, SenderWith(Acknowledged, profile: ValidationProfile.Lenient)),
        Fails("R-NTF-STATE", "acknowledge a withdrawn letter", Receive, Must, ReceivePath, ReceiverWith(Withdrawn)),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Validate_TableCase_ReportsWhatTheTableSays(RuleCase expected)
    {
        var report = RuleEngine.Standard.Validate(expected.Document.Bytes, expected.Context);

        report.ShouldSatisfy(expected);
    }
}
