using System.Xml.Linq;
using ECms.Protocol.Lifecycle;
using ECms.Protocol.Rules;
using static ECms.Protocol.Rules.RuleLevel;
using static ECms.Protocol.Tests.Rules.RuleCase;

namespace ECms.Protocol.Tests.Rules;

public class LetterRuleTests
{
    private const string Pdf = "JVBERi0xLjcKJcfs7KIKMSAwIG9iago8PD4+CmVuZG9iagp0cmFpbGVyCjw8Pj4KJSVFT0YK";
    private const string Png = "iVBORw0KGgoAAAANSUhEUg==";
    private const string Gif = "R0lGODlhAQABAAAAACw=";
    private const string Exe = "TVqQAAMAAAAEAAAA//8AALgAAAA=";
    private const string Hello = "aGVsbG8=";
    private const string Xlsx = "UEsDBBQABgAIAAAAIQA=";
    private const string MainMime = "<ram:MainLetterBinaryObject mimeCode=\"application/pdf\">";
    private const string AttachmentMime = "<ram:AttachmentBinaryObject mimeCode=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\">";
    private const string Subject = "ขอความอนุเคราะห์ข้อมูลสถิติการใช้บริการ ปี 2566 &amp; 2567";
    private const string Reference = "<ram:ReferenceCorrespondence>\n            <ram:ID>ทบ 9902/455</ram:ID>\n            <ram:CorrespondenceDate>2024-05-20</ram:CorrespondenceDate>\n            <ram:Subject>การจัดทำรายงานประจำปี</ram:Subject>\n          </ram:ReferenceCorrespondence>";

    private static TestDocument Letter => TestDocument.Spec(TestDocument.SendLetter);

    private static TestDocument WithField(string name, string value) =>
        Letter.Edit(d => Field(d, name).Value = value);

    private static TestDocument WithMain(string mimeAttribute, string content) =>
        Letter.Replace($"{MainMime}{Pdf}<", $"<ram:MainLetterBinaryObject{mimeAttribute}>{content}<");

    private static TestDocument WithAttachment(string mimeAttribute, string content) =>
        Letter.Replace($"{AttachmentMime}{Xlsx}<", $"<ram:AttachmentBinaryObject{mimeAttribute}>{content}<");

    private static TestDocument WithSignature(string inner) => Letter.Replace("</ram:CorrespondenceLetter>",
        $"</ram:CorrespondenceLetter><ram:GovernmentSignature>{inner}</ram:GovernmentSignature>");

    private const string SignerParty = "<ram:SignerParty><ram:GivenName>วรรณา</ram:GivenName><ram:FamilyName>ทดลองดี</ram:FamilyName><ram:Title>ผู้อำนวยการ</ram:Title><ram:MinistryCode>99</ram:MinistryCode><ram:DepartmentCode>9900100000</ram:DepartmentCode></ram:SignerParty>";

    public static IEnumerable<RuleCase> Cases =>
    [
        // R-SEND-1
        Passes("R-SEND-1", "the §10.1 letter", Letter),
        Passes("R-SEND-1", "no references and no enclosures (1.x style)", Letter.Remove(Reference).Remove($"{AttachmentMime}{Xlsx}</ram:AttachmentBinaryObject>")),
        Passes("R-SEND-1", "two references and two enclosures", Letter.Replace(Reference, Reference + Reference).Replace($"{AttachmentMime}{Xlsx}</ram:AttachmentBinaryObject>", $"{AttachmentMime}{Xlsx}</ram:AttachmentBinaryObject>{AttachmentMime}{Xlsx}</ram:AttachmentBinaryObject>")),
        Fails("R-SEND-1", "SpeedCode missing", Letter.Remove("<ram:SpeedCode>003</ram:SpeedCode>"), Must, Paths.Letter + "/SpeedCode"),
        Fails("R-SEND-1", "CorrespondenceDate after Subject", Letter.Edit(d => MoveAfter(Field(d, "CorrespondenceDate"), Field(d, "Subject"))), Must, Paths.Letter + "/CorrespondenceDate", value: "ram:CorrespondenceDate"),
        Fails("R-SEND-1", "reference after Attachment", Letter.Edit(d => MoveAfter(Field(d, "ReferenceCorrespondence"), Field(d, "Attachment"))), Must, Paths.Reference),
        Fails("R-SEND-1", "an element §3.1 does not have", Letter.Replace("<ram:SendDate>", "<ram:Remark>ด่วน</ram:Remark><ram:SendDate>"), Must, Paths.Letter + "/Remark"),
        Fails("R-SEND-1", "Subject twice", Letter.Edit(d => Field(d, "Subject").AddAfterSelf(new XElement(Field(d, "Subject")))), Must, Paths.Letter + "/Subject[2]"),
        Fails("R-SEND-1", "lowercase subject", Letter.ReplaceAll("ram:Subject>" + Subject, "ram:subject>" + Subject).Replace("</ram:Subject>\n          <ram:SecretCode>", "</ram:subject>\n          <ram:SecretCode>"), Must, Paths.Letter + "/subject"),
        Fails("R-SEND-1", "party without JobTitle", Letter.Remove("<ram:JobTitle>ผู้อำนวยการกองทดสอบระบบ หน่วยงานเอ</ram:JobTitle>"), Must, Paths.Sender + "/JobTitle"),
        Fails("R-SEND-1", "markup inside a text field", Letter.Edit(d => Field(d, "Subject").Add(new XElement("b", "ด่วน"))), Must, Paths.Letter + "/Subject/b"),
        Fails("R-SEND-1", "no CorrespondenceLetter/@ID", Letter.Replace("<ram:CorrespondenceLetter ID=\"Letter\">", "<ram:CorrespondenceLetter>"), Must, Paths.Letter),
        Fails("R-SEND-1", "CorrespondenceLetter/@ID not \"Letter\"", Letter.Replace("ID=\"Letter\"", "ID=\"Doc\""), Should, Paths.Letter + "/@ID", value: "Doc"),

        // R-SEND-2
        Passes("R-SEND-2", "a 255-character number", WithField("ID", new string('ก', 255))),
        Fails("R-SEND-2", "empty number", WithField("ID", ""), Must, Paths.Letter + "/ID"),
        Fails("R-SEND-2", "blank number", WithField("ID", "  "), Must, Paths.Letter + "/ID"),
        Fails("R-SEND-2", "a 256-character number", WithField("ID", new string('ก', 256)), Must, Paths.Letter + "/ID"),

        // R-SEND-3
        Passes("R-SEND-3", "Gregorian date", Letter),
        Passes("R-SEND-3", "exactly a year ahead", WithField("CorrespondenceDate", "2025-06-11")),
        Fails("R-SEND-3", "Buddhist-era year", WithField("CorrespondenceDate", "2567-06-11"), Must, Paths.Letter + "/CorrespondenceDate", value: "2567-06-11"),
        Fails("R-SEND-3", "Buddhist-era leap day", WithField("CorrespondenceDate", "2567-02-29"), Must, Paths.Letter + "/CorrespondenceDate"),
        Fails("R-SEND-3", "month 13", WithField("CorrespondenceDate", "2024-13-01"), Must, Paths.Letter + "/CorrespondenceDate"),
        Fails("R-SEND-3", "30 February", WithField("CorrespondenceDate", "2024-02-30"), Must, Paths.Letter + "/CorrespondenceDate"),
        Fails("R-SEND-3", "dd/MM/yyyy", WithField("CorrespondenceDate", "11/06/2024"), Must, Paths.Letter + "/CorrespondenceDate"),
        Fails("R-SEND-3", "Thai digits", WithField("CorrespondenceDate", "๒๐๒๔-๐๖-๑๑"), Must, Paths.Letter + "/CorrespondenceDate"),
        Fails("R-SEND-3", "with a time part", WithField("CorrespondenceDate", "2024-06-11T09:30:12"), Must, Paths.Letter + "/CorrespondenceDate"),
        Fails("R-SEND-3", "more than a year ahead", WithField("CorrespondenceDate", "2025-06-12"), Must, Paths.Letter + "/CorrespondenceDate"),
        Fails("R-SEND-3", "an unset DateTime", WithField("CorrespondenceDate", "0001-01-01"), Should, Paths.Letter + "/CorrespondenceDate"),

        // R-SEND-4
        Passes("R-SEND-4", "Thai subject", Letter),
        Fails("R-SEND-4", "empty subject", WithField("Subject", ""), Must, Paths.Letter + "/Subject"),
        Fails("R-SEND-4", "blank subject", WithField("Subject", " \t "), Must, Paths.Letter + "/Subject"),

        // R-SEND-5
        Passes("R-SEND-5", "001", Letter),
        Passes("R-SEND-5", "005 on a hub configured for it", WithField("SecretCode", "005"), Contexts.Offline() with { CodeLists = CodeLists.CodeLists.Load(includeSecretCode005: true) }),
        Fails("R-SEND-5", "005 by default", WithField("SecretCode", "005"), Must, Paths.Letter + "/SecretCode", value: "005"),
        Fails("R-SEND-5", "not zero-padded", WithField("SecretCode", "1"), Must, Paths.Letter + "/SecretCode", value: "1"),
        Fails("R-SEND-5", "Thai digits", WithField("SecretCode", "๐๐๑"), Must, Paths.Letter + "/SecretCode"),
        Fails("R-SEND-5", "empty", WithField("SecretCode", ""), Must, Paths.Letter + "/SecretCode"),

        // R-SEND-6
        Passes("R-SEND-6", "003", Letter),
        Fails("R-SEND-6", "009", WithField("SpeedCode", "009"), Must, Paths.Letter + "/SpeedCode", value: "009"),
        Fails("R-SEND-6", "two digits", WithField("SpeedCode", "03"), Must, Paths.Letter + "/SpeedCode"),

        // R-SEND-7
        Passes("R-SEND-7", "known 10-digit codes", Letter, Contexts.AtHub(Agencies.A)),
        Passes("R-SEND-7", "unknown organisation, but no directory to know it", Letter.ReplaceAll(Agencies.B, Agencies.Unregistered)),
        Fails("R-SEND-7", "unknown receiver", Letter.Replace($"<ram:ID>{Agencies.B}</ram:ID>", $"<ram:ID>{Agencies.Unregistered}</ram:ID>"), Must, Paths.Receiver + "/DepartmentOrganization/ID", Contexts.AtHub(Agencies.A), Agencies.Unregistered),
        Fails("R-SEND-7", "5-digit 1.x sender code", Letter.Replace($"<ram:ID>{Agencies.A}</ram:ID>", "<ram:ID>99001</ram:ID>"), Must, Paths.Sender + "/DepartmentOrganization/ID", value: "99001"),
        Fails("R-SEND-7", "letters in the code", Letter.Replace($"<ram:ID>{Agencies.A}</ram:ID>", "<ram:ID>99001O0000</ram:ID>"), Must, Paths.Sender + "/DepartmentOrganization/ID"),
        Fails("R-SEND-7", "ministry is not the first two digits", Letter.Edit(d => Party(d, "ReceiverParty", "MinistryOrganization").Value = "98"), Must, Paths.Receiver + "/MinistryOrganization/ID", value: "98"),
        Fails("R-SEND-7", "ministry not in the ministry list", Letter.Edit(d =>
        {
            Party(d, "ReceiverParty", "MinistryOrganization").Value = "88";
            Party(d, "ReceiverParty", "DepartmentOrganization").Value = "8800100000";
        }), Info, Paths.Receiver + "/MinistryOrganization/ID", value: "88"),

        // R-SEND-8
        Passes("R-SEND-8", "A sends to B from A's endpoint", Letter, Contexts.AtHub(Agencies.A)),
        Fails("R-SEND-8", "receiver is the sender", Letter.Replace($"<ram:ID>{Agencies.B}</ram:ID>", $"<ram:ID>{Agencies.A}</ram:ID>"), Must, Paths.Receiver + "/DepartmentOrganization/ID"),
        Fails("R-SEND-8", "sender does not own the endpoint", Letter, Must, Paths.Sender + "/DepartmentOrganization/ID", Contexts.AtHub(Agencies.B), Agencies.A),

        // R-SEND-9
        Passes("R-SEND-9", "yyyy-MM-ddTHH:mm:ss", Letter),
        Fails("R-SEND-9", "date only (1.x)", WithField("SendDate", "2024-06-11"), Info, Paths.Letter + "/SendDate"),
        Fails("R-SEND-9", "fractional seconds", WithField("SendDate", "2024-06-11T09:30:12.123"), Should, Paths.Letter + "/SendDate"),
        Fails("R-SEND-9", "with a zone", WithField("SendDate", "2024-06-11T09:30:12+07:00"), Should, Paths.Letter + "/SendDate"),
        Fails("R-SEND-9", "not a date-time", WithField("SendDate", "11/06/2024 09:30"), Must, Paths.Letter + "/SendDate"),
        Fails("R-SEND-9", "Buddhist-era year", WithField("SendDate", "2567-06-11T09:30:12"), Must, Paths.Letter + "/SendDate"),
        Fails("R-SEND-9", "hour 25", WithField("SendDate", "2024-06-11T25:30:12"), Must, Paths.Letter + "/SendDate"),

        // R-SEND-MAIN
        Passes("R-SEND-MAIN", "a PDF cover letter", Letter),
        Fails("R-SEND-MAIN", "no cover letter", Letter.Remove($"{MainMime}{Pdf}</ram:MainLetterBinaryObject>"), Must, Paths.MainLetter),
        Fails("R-SEND-MAIN", "empty content", WithMain(" mimeCode=\"application/pdf\"", ""), Must, Paths.MainLetter),
        Fails("R-SEND-MAIN", "2.0-style empty placeholder", WithMain(" mimeCode=\"\"", ""), Must, Paths.MainLetter + "/@mimeCode"),
        Fails("R-SEND-MAIN", "not base64", WithMain(" mimeCode=\"application/pdf\"", "JVBERi0x!!!"), Must, Paths.MainLetter),
        Fails("R-SEND-MAIN", "base64 with line breaks", WithMain(" mimeCode=\"application/pdf\"", Pdf[..40] + "\n" + Pdf[40..]), Should, Paths.MainLetter),
        Fails("R-SEND-MAIN", "no mimeCode", WithMain("", Pdf), Must, Paths.MainLetter + "/@mimeCode"),
        Fails("R-SEND-MAIN", "mimeCode not served by GetMimeCodes", WithMain(" mimeCode=\"application/x-msdownload\"", Pdf), Must, Paths.MainLetter + "/@mimeCode"),
        Fails("R-SEND-MAIN", "an allowed type other than PDF", WithMain(" mimeCode=\"image/png\"", Png), Should, Paths.MainLetter + "/@mimeCode", value: "image/png"),
        Fails("R-SEND-MAIN", "declared PDF, content is text", WithMain(" mimeCode=\"application/pdf\"", Hello), Should, Paths.MainLetter),
        Fails("R-SEND-MAIN", "declared PDF, content is a PNG", WithMain(" mimeCode=\"application/pdf\"", Png), Should, Paths.MainLetter),
        Fails("R-SEND-MAIN", "declared PDF, content is a Windows program", WithMain(" mimeCode=\"application/pdf\"", Exe), Should, Paths.MainLetter),

        // R-SEND-ATT
        Passes("R-SEND-ATT", "an xlsx enclosure", Letter),
        Fails("R-SEND-ATT", "2.0-style empty placeholder", WithAttachment(" mimeCode=\"\"", ""), Info, Paths.Attachment),
        Fails("R-SEND-ATT", "mimeCode but no content", WithAttachment(" mimeCode=\"image/png\"", ""), Must, Paths.Attachment),
        Fails("R-SEND-ATT", "content but no mimeCode", WithAttachment("", Png), Must, Paths.Attachment + "/@mimeCode"),
        Fails("R-SEND-ATT", "not base64", WithAttachment(" mimeCode=\"image/png\"", "iVBOR w0K*"), Must, Paths.Attachment),
        Fails("R-SEND-ATT", "type not served", WithAttachment(" mimeCode=\"application/x-rar-compressed\"", "UmFyIRoHAM8=") , Must, Paths.Attachment + "/@mimeCode"),
        Fails("R-SEND-ATT", "type the hub stopped serving (checklist B4)", WithAttachment(" mimeCode=\"image/gif\"", Gif), Must, Paths.Attachment + "/@mimeCode",
            Contexts.Offline() with { CodeLists = CodeLists.CodeLists.Standard.WithoutContentTypes("image/gif") }),

        // R-SEND-REF
        Passes("R-SEND-REF", "a complete reference", Letter),
        Fails("R-SEND-REF", "2.0-style empty placeholder", Letter.Edit(d => Field(d, "ReferenceCorrespondence").Elements().ToList().ForEach(e => e.Value = "")), Info, Paths.Reference),
        Fails("R-SEND-REF", "no subject", Letter.Replace("<ram:Subject>การจัดทำรายงานประจำปี</ram:Subject>", "<ram:Subject></ram:Subject>"), Should, Paths.Reference + "/Subject"),
        Fails("R-SEND-REF", "no number", Letter.Replace("<ram:ID>ทบ 9902/455</ram:ID>", "<ram:ID/>"), Should, Paths.Reference + "/ID"),
        Fails("R-SEND-REF", "Buddhist-era date, at this rule's SHOULD level", Letter.Replace("2024-05-20", "2567-05-20"), Should, Paths.Reference + "/CorrespondenceDate", value: "2567-05-20"),

        // R-SEND-TXT
        Passes("R-SEND-TXT", "escaped ampersand in Thai text", Letter),
        Passes("R-SEND-TXT", "character references and CDATA", Letter.Replace(Subject, "ขอ&#3585; &#x0E01; <![CDATA[A & B < C]]>")),
        Fails("R-SEND-TXT", "raw ampersand", Letter.Replace(Subject, "ขอความอนุเคราะห์ข้อมูล ปี 2566 & 2567"), Must, Paths.Letter + "/Subject"),
        Fails("R-SEND-TXT", "raw less-than", Letter.Replace(Subject, "ปี 2566 < 2567"), Must, Paths.Letter + "/Subject", value: "<ram:Subject>ปี 2566 < 2567</ram:Subject>"),
        Fails("R-SEND-TXT", "an ampersand that starts no reference", Letter.Replace("<ram:Attachment>แบบสำรวจข้อมูล", "<ram:Attachment>&nbsp;แบบสำรวจข้อมูล"), Must, Paths.Letter + "/Attachment"),
        Fails("R-SEND-TXT", "replacement characters", WithField("Subject", "ขอความ\uFFFD\uFFFD ข้อมูล"), Must, Paths.Letter + "/Subject"),
        Fails("R-SEND-TXT", "UTF-8 Thai read as Latin-1", WithField("Subject", "à¸‚à¸­à¸„à¸§à¸²à¸¡"), Must, Paths.Letter + "/Subject"),
        Fails("R-SEND-TXT", "question marks where Thai was", WithField("Subject", "???????? ????? 2566"), Must, Paths.Letter + "/Subject"),
        Fails("R-SEND-TXT", "a run of question marks among Thai", WithField("Description", "ขอให้ส่งข้อมูล ??? ภายในวันที่ 30"), Should, Paths.Letter + "/Description"),
        Fails("R-SEND-TXT", "escaped twice", Letter.Replace(Subject, "ปี 2566 &amp;amp; 2567"), Should, Paths.Letter + "/Subject"),
        Fails("R-SEND-TXT", "replacement characters in a notifier", TestDocument.Spec(TestDocument.ReceiveLetter).Replace(Subject, "ขอ\uFFFD"), Must, Paths.Notifier("ReceiveLetterNotifier") + "/Subject"),

        // R-SEND-DUP
        Passes("R-SEND-DUP", "no letter with this key", Letter, Contexts.AtHub(Agencies.A)),
        Passes("R-SEND-DUP", "resend after withdrawal", Letter, Contexts.WithLetter(Agencies.A, LetterState.Withdrawn)),
        Passes("R-SEND-DUP", "same number to another receiver", Letter, Contexts.AtHub(Agencies.A) with
        {
            Letters = new FakeLetterRegistry(SpecLetter.In(LetterState.Sent) with { Key = SpecLetter.Key with { ReceiverOrganizationId = Agencies.Unregistered } }),
        }),
        Fails("R-SEND-DUP", "the letter is still active", Letter, Must, Paths.Letter + "/ID", Contexts.WithLetter(Agencies.A, LetterState.Rejected)),

        // R-SEND-SIZE
        Passes("R-SEND-SIZE", "under the default limit", Letter),
        Fails("R-SEND-SIZE", "over a configured limit", Letter, Should, "/", Contexts.Offline() with { MaxRequestBytes = 1024 }),

        // R-SEND-SIG
        Passes("R-SEND-SIG", "no GovernmentSignature (2.0)", Letter),
        Fails("R-SEND-SIG", "a 1.x signature is noted", WithSignature($"<ram:TypeCode>DSIG</ram:TypeCode>{SignerParty}"), Info, Paths.Signature),
        Fails("R-SEND-SIG", "JobTitle instead of Title", WithSignature($"<ram:TypeCode>DSIG</ram:TypeCode>{SignerParty.Replace("ram:Title", "ram:JobTitle", StringComparison.Ordinal)}"), Info, Paths.Signature + "/SignerParty/JobTitle"),
        Fails("R-SEND-SIG", "no TypeCode", WithSignature(SignerParty), Info, Paths.Signature + "/TypeCode"),
        Fails("R-SEND-SIG", "signature over another element", WithSignature($"<ram:TypeCode>DSIG</ram:TypeCode>{SignerParty}" +
            "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo><ds:Reference URI=\"#Body\"/></ds:SignedInfo><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature>"),
            Info, Paths.Signature + "/Signature/SignedInfo/Reference/@URI", value: "#Body"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Validate_TableCase_ReportsWhatTheTableSays(RuleCase expected)
    {
        var report = RuleEngine.Standard.Validate(expected.Document.Bytes, expected.Context);

        report.ShouldSatisfy(expected);
    }

    private static XElement Field(XDocument document, string localName) =>
        document.Descendants().First(e => e.Name.LocalName == "CorrespondenceLetter").Elements().First(e => e.Name.LocalName == localName);

    private static XElement Party(XDocument document, string party, string organization) =>
        Field(document, party).Elements().First(e => e.Name.LocalName == organization).Elements().Single();

    private static void MoveAfter(XElement moved, XElement anchor)
    {
        moved.Remove();
        anchor.AddAfterSelf(moved);
    }
}
