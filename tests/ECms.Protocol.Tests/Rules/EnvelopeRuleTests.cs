using System.Xml.Linq;
using ECms.Protocol.Rules;
using static ECms.Protocol.Rules.RuleLevel;
using static ECms.Protocol.Tests.Rules.RuleCase;

namespace ECms.Protocol.Tests.Rules;

public class EnvelopeRuleTests
{
    private const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private const string MessageIdA = "mid://20240611.093012457@agency-a";
    private const string ToB = "<wsa:To xmlns:wsa=\"http://www.w3.org/2005/08/addressing\">http://agency-b.ecms.test/ecms-ws01/service2</wsa:To>";

    private static TestDocument Letter => TestDocument.Spec(TestDocument.SendLetter);
    private static TestDocument Pull => TestDocument.Spec(TestDocument.Pull);
    private static TestDocument Receive => TestDocument.Spec(TestDocument.ReceiveLetter);
    private static TestDocument Withdraw => TestDocument.Spec(TestDocument.Withdraw);

    public static IEnumerable<RuleCase> Cases =>
    [
        // R-ENV-0
        Passes("R-ENV-0", "the §10.1 letter", Letter),
        Passes("R-ENV-0", "the §10.2 pull", Pull),
        Fails("R-ENV-0", "raw ampersand: not well-formed", Letter.Replace("2566 &amp; 2567</ram:Subject>", "2566 & 2567</ram:Subject>"), Must, "/"),
        Fails("R-ENV-0", "empty body bytes", new TestDocument("empty", ""), Must, "/"),
        Fails("R-ENV-0", "a DTD with an external entity", Pull.Replace("<SOAP-ENV:Envelope", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><SOAP-ENV:Envelope"), Must, "/"),
        Fails("R-ENV-0", "document element is not a SOAP envelope", new TestDocument("not-soap", "<Envelope xmlns=\"urn:not-soap\"/>"), Must, "/Envelope", value: "urn:not-soap"),
        Fails("R-ENV-0", "two operations in the body", Pull.Replace("<CorrespondenceLetterInboundRequest/>", "<CorrespondenceLetterInboundRequest/><GetOrganizationList/>"), Must, Paths.Body, value: "2"),
        Fails("R-ENV-0", "unknown operation", Pull.Replace("CorrespondenceLetterInboundRequest", "CorrespondenceLetterInboundRequestX"), Must, Paths.Body + "/CorrespondenceLetterInboundRequestX"),
        Fails("R-ENV-0", "Header after Body", Pull.Edit(d => MoveHeaderLast(d)), Must, Paths.Header),
        Fails("R-ENV-0", "no Body", Pull.Edit(d => d.Root!.Elements().Last().Remove()), Must, "/Envelope"),
        Fails("R-ENV-0", "stray text in the Body beside the operation", Pull.Replace("<CorrespondenceLetterInboundRequest/>", "<CorrespondenceLetterInboundRequest/>ข้อความหลงมา"), Must, Paths.Body, value: "ข้อความหลงมา"),
        Fails("R-ENV-0", "stray text in the Envelope", Pull.Edit(d => d.Root!.AddFirst("junk")), Must, "/Envelope", value: "junk"),
        Fails("R-ENV-0", "stray CDATA in the Header", Pull.Edit(d => d.Root!.Elements().First().Add(new System.Xml.Linq.XCData("x"))), Must, Paths.Header, value: "x"),
        Passes("R-ENV-0", "whitespace between the parts (indented envelope)", Pull.Edit(d => { d.Root!.AddFirst("\n  "); d.Root!.Elements().Last().AddFirst("\n\t"); })),

        // R-ENV-1
        Passes("R-ENV-1", "mid:// MessageID never seen before", Letter, Contexts.AtHub(Agencies.A)),
        Fails("R-ENV-1", "no MessageID", Letter.Edit(d => HeaderElement(d, "MessageID").Remove()), Must, Paths.Header),
        Fails("R-ENV-1", "no Header at all", Letter.Edit(d => d.Root!.Elements().First().Remove()), Must, "/Envelope"),
        Fails("R-ENV-1", "empty MessageID", Letter.Replace(MessageIdA, " "), Must, Paths.MessageId),
        Fails("R-ENV-1", "repeated MessageID, strict", Letter, Should, Paths.MessageId, Contexts.AtHub(Agencies.A) with { SeenMessageIds = new HashSet<string> { MessageIdA } }),
        Fails("R-ENV-1", "repeated MessageID, lenient", Letter, Info, Paths.MessageId, Contexts.AtHub(Agencies.A, ValidationProfile.Lenient) with { SeenMessageIds = new HashSet<string> { MessageIdA } }),
        Fails("R-ENV-1", "free-text MessageID (2.0 client style)", Letter.Replace(MessageIdA, "ทดสอบส่งหนังสือ 1"), Info, Paths.MessageId),
        Fails("R-ENV-1", "mid:// with a Buddhist-era year", Letter.Replace(MessageIdA, "mid://25670611.093012457@agency-a"), Info, Paths.MessageId),

        // R-ENV-2
        Passes("R-ENV-2", "wsa:To in the 2005/08 namespace", Letter),
        Fails("R-ENV-2", "lowercase to (1.x), strict", Letter.Replace(ToB, ToB.Replace("wsa:To", "wsa:to", StringComparison.Ordinal)), Must, Paths.Header + "/to"),
        Fails("R-ENV-2", "lowercase to (1.x), lenient", Letter.Replace(ToB, ToB.Replace("wsa:To", "wsa:to", StringComparison.Ordinal)), Should, Paths.Header + "/to", Contexts.Offline(ValidationProfile.Lenient)),
        Fails("R-ENV-2", "1.x namespace without www", Letter.Replace(ToB, ToB.Replace("http://www.w3.org", "http://w3.org", StringComparison.Ordinal)), Must, Paths.To, value: "http://w3.org/2005/08/addressing"),
        Fails("R-ENV-2", "no To, strict", Letter.Remove(ToB), Must, Paths.Header),
        Fails("R-ENV-2", "no To, lenient", Letter.Remove(ToB), Should, Paths.Header, Contexts.Offline(ValidationProfile.Lenient)),
        Fails("R-ENV-2", "empty To", Letter.Replace(ToB, ToB.Replace(Agencies.EndpointB, "", StringComparison.Ordinal)), Must, Paths.To),

        // R-ENV-3
        Passes("R-ENV-3", "letter addressed to the receiver", Letter, Contexts.AtHub(Agencies.A)),
        Passes("R-ENV-3", "notifier addressed to the letter's sender", Receive, Contexts.WithLetter(Agencies.B, Lifecycle.LetterState.Delivered)),
        Passes("R-ENV-3", "pull addressed to the caller itself", Pull, Contexts.AtHub(Agencies.B)),
        Passes("R-ENV-3", "no directory, nothing to resolve against", Letter.Replace(Agencies.EndpointB, "http://elsewhere.test/ecms-ws01/service2"), Contexts.Offline()),
        Fails("R-ENV-3", "To is no registered endpoint", Letter.Replace(Agencies.EndpointB, "http://elsewhere.test/ecms-ws01/service2"), Must, Paths.To, Contexts.AtHub(Agencies.A)),
        Fails("R-ENV-3", "notifier To unresolvable, lenient: the hub routes it by its letter", Receive.Replace(Agencies.EndpointA, "http://nowhere.test/ecms-ws01/service2"), Should, Paths.To,
            Contexts.WithLetter(Agencies.B, Lifecycle.LetterState.Delivered, profile: ValidationProfile.Lenient)),
        Fails("R-ENV-3", "letter To names the sender, not the receiver", Letter.Replace(Agencies.EndpointB, Agencies.EndpointA), Must, Paths.To, Contexts.AtHub(Agencies.A)),
        Fails("R-ENV-3", "notifier To names the caller itself", Receive.Replace(Agencies.EndpointA, Agencies.EndpointB), Must, Paths.To, Contexts.WithLetter(Agencies.B, Lifecycle.LetterState.Delivered)),
        Fails("R-ENV-3", "pull To names another agency", Pull, Must, Paths.To, Contexts.AtHub(Agencies.A)),

        // R-ENV-4
        Passes("R-ENV-4", "letter posted to the sender's own endpoint", Letter, Contexts.AtHub(Agencies.A)),
        Passes("R-ENV-4", "no caller known (a file)", Letter),
        Fails("R-ENV-4", "letter posted to the receiver's endpoint", Letter, Must, Paths.Sender + "/DepartmentOrganization/ID", Contexts.AtHub(Agencies.B), Agencies.A),
        Fails("R-ENV-4", "withdrawal posted to the receiver's endpoint", Withdraw, Must, Paths.Withdraw + "/SenderDepartment/Code", Contexts.AtHub(Agencies.B)),

        // R-ENV-5
        Passes("R-ENV-5", "the §10.1 letter", Letter),
        Passes("R-ENV-5", "unused swapped, misspelt rsm/ram declarations (§11.2)", Receive.Replace("<CorrespondenceLetterOutboundRequest>",
            "<CorrespondenceLetterOutboundRequest xmlns:rsm=\"urn:th:gov:egif:data:standard:ReuseableAggregateBusinessInformaionEntity:1\" xmlns:ram=\"urn:th:gov:egif:data:standard:GovernmentDocument:1.0\">")),
        Fails("R-ENV-5", "qualified operation wrapper", Pull.Replace("<CorrespondenceLetterInboundRequest/>", "<e:CorrespondenceLetterInboundRequest xmlns:e=\"urn:ecms\"/>"), Must, Paths.Pull, value: "urn:ecms"),
        Fails("R-ENV-5", "notifier fields in a default namespace, reported once at the top", Receive.Replace("<ReceiveLetterNotifier>", "<ReceiveLetterNotifier xmlns=\"urn:ecms\">"), Must, Paths.Notifier("ReceiveLetterNotifier")),
        Fails("R-ENV-5", "misspelt ram namespace URI", Letter.Replace("ReusableAggregateBusinessInformationEntity:1\"", "ReuseableAggregateBusinessInformaionEntity:1\""), Must, Paths.Letter),
        Fails("R-ENV-5", "GovernmentDocument not in the rsm namespace", Letter.Replace("GovernmentDocument:1.0\"", "GovernmentDocument:2.0\""), Must, Paths.Document),
        Fails("R-ENV-5", "qualified mimeCode attribute", Letter.Replace("<ram:MainLetterBinaryObject mimeCode=", "<ram:MainLetterBinaryObject ram:mimeCode="), Must, Paths.MainLetter + "/@mimeCode"),

        // R-ENV-6
        Passes("R-ENV-6", "literal rsm and ram", Letter),
        Fails("R-ENV-6", "ram written as the default namespace", Letter.Edit(UseDefaultNamespaceForRam), Should, Paths.Letter),
        Fails("R-ENV-6", "ram written with another prefix", Letter.ReplaceAll("ram:", "r:").Replace("xmlns:ram=", "xmlns:r="), Should, Paths.Letter, value: "r:CorrespondenceLetter"),
        Fails("R-ENV-6", "rsm written with another prefix", Letter.ReplaceAll("rsm:", "doc:").Replace("xmlns:rsm=", "xmlns:doc="), Should, Paths.Document, value: "doc:GovernmentDocument"),

        // R-ENV-7
        Passes("R-ENV-7", "SOAP 1.1 with a SOAPAction header, which is ignored", Letter, Contexts.AtHub(Agencies.A) with { Http = new HttpFacts("POST", "text/xml", "urn:anything") }),
        Fails("R-ENV-7", "SOAP 1.2, strict", Letter.Replace(Soap11, "http://www.w3.org/2003/05/soap-envelope"), Must, "/Envelope"),
        Fails("R-ENV-7", "SOAP 1.2, lenient", Letter.Replace(Soap11, "http://www.w3.org/2003/05/soap-envelope"), Should, "/Envelope", Contexts.Offline(ValidationProfile.Lenient)),

        // R-ENV-8
        Passes("R-ENV-8", "POST text/xml; encoding='utf-8' (the 2.0 client)", Pull, Contexts.AtHub(Agencies.B) with { Http = new HttpFacts("POST", "text/xml; encoding='utf-8'") }),
        Passes("R-ENV-8", "POST TEXT/XML", Pull, Contexts.AtHub(Agencies.B) with { Http = new HttpFacts("POST", "TEXT/XML") }),
        Passes("R-ENV-8", "not over HTTP", Pull),
        Fails("R-ENV-8", "GET", Pull, Must, "http:method", Contexts.AtHub(Agencies.B) with { Http = new HttpFacts("GET", "text/xml") }),
        Fails("R-ENV-8", "SOAP 1.2 media type", Pull, Must, "http:content-type", Contexts.AtHub(Agencies.B) with { Http = new HttpFacts("POST", "application/soap+xml; charset=utf-8") }),
        Fails("R-ENV-8", "no Content-Type", Pull, Must, "http:content-type", Contexts.AtHub(Agencies.B) with { Http = new HttpFacts("POST", null) }),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Validate_TableCase_ReportsWhatTheTableSays(RuleCase expected)
    {
        var report = RuleEngine.Standard.Validate(expected.Document.Bytes, expected.Context);

        report.ShouldSatisfy(expected);
    }

    private static XElement HeaderElement(XDocument document, string localName) =>
        document.Root!.Elements().First().Elements().First(e => e.Name.LocalName == localName);

    private static void MoveHeaderLast(XDocument document)
    {
        var header = document.Root!.Elements().First();
        header.Remove();
        document.Root.Add(header);
    }

    private static void UseDefaultNamespaceForRam(XDocument document)
    {
        var governmentDocument = document.Descendants().First(e => e.Name.LocalName == "GovernmentDocument");
        governmentDocument.Attributes().First(a => a.IsNamespaceDeclaration && a.Name.LocalName == "ram").Remove();
        governmentDocument.Elements().First().Add(new XAttribute("xmlns", "urn:th:gov:egif:data:standard:ReusableAggregateBusinessInformationEntity:1"));
    }
}
