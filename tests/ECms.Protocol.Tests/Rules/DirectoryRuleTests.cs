using ECms.Protocol.Rules;
using static ECms.Protocol.Lifecycle.LetterState;
using static ECms.Protocol.Rules.RuleLevel;
using static ECms.Protocol.Tests.Rules.RuleCase;

namespace ECms.Protocol.Tests.Rules;

public class DirectoryRuleTests
{
    private const string Xlsx = "UEsDBBQABgAIAAAAIQA=";
    private const string Pdf = "JVBERi0xLjcKJcfs7KIKMSAwIG9iago8PD4+CmVuZG9iagp0cmFpbGVyCjw8Pj4KJSVFT0YK";
    private const string XlsxAttachment = "<ram:AttachmentBinaryObject mimeCode=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\">" + Xlsx;

    private static TestDocument Letter => TestDocument.Spec(TestDocument.SendLetter);
    private static TestDocument Receive => TestDocument.Spec(TestDocument.ReceiveLetter);

    private static TestDocument WithAttachment(string mimeCode, string content) =>
        Letter.Replace(XlsxAttachment, $"<ram:AttachmentBinaryObject mimeCode=\"{mimeCode}\">{content}");

    public static IEnumerable<RuleCase> Cases =>
    [
        // R-DIR-1
        Passes("R-DIR-1", "ECMS-URL exactly as the directory serves it", Letter, Contexts.AtHub(Agencies.A)),
        Passes("R-DIR-1", "notifier to the directory's URL", Receive, Contexts.WithLetter(Agencies.B, Delivered)),
        Passes("R-DIR-1", "no directory (a file)", Letter.Replace(Agencies.EndpointB, Agencies.EndpointB + "/")),
        Passes("R-DIR-1", "an unknown test host is R-ENV-3's business", Letter.Replace(Agencies.EndpointB, "http://elsewhere.test/ecms-ws01/service2"), Contexts.AtHub(Agencies.A)),
        Fails("R-DIR-1", "trailing slash", Letter.Replace(Agencies.EndpointB, Agencies.EndpointB + "/"), Should, Paths.To, Contexts.AtHub(Agencies.A)),
        Fails("R-DIR-1", "host typed in capitals", Letter.Replace(Agencies.EndpointB, "http://AGENCY-B.ecms.test/ecms-ws01/service2"), Should, Paths.To, Contexts.AtHub(Agencies.A)),
        Fails("R-DIR-1", "DGA test host hard-coded", Receive.Replace(Agencies.EndpointA, "http://dev.scp1.ecms.dga.or.th/ecms-ws01/service2"), Should, Paths.To, Contexts.WithLetter(Agencies.B, Delivered)),

        // R-DIR-2
        Passes("R-DIR-2", "xlsx declared as xlsx", Letter),
        Passes("R-DIR-2", "plain text cannot be told apart", WithAttachment("text/plain", "aGVsbG8=")),
        Passes("R-DIR-2", "docx content declared as zip family", WithAttachment("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Xlsx)),
        Fails("R-DIR-2", "PDF content declared as PNG", WithAttachment("image/png", Pdf), Should, Paths.Attachment, value: "image/png"),
        Fails("R-DIR-2", "a program declared as PDF", WithAttachment("application/pdf", "TVqQAAMAAAAEAAAA//8AALgAAAA="), Should, Paths.Attachment),
        Fails("R-DIR-2", "a GIF when the hub serves no image/gif", WithAttachment("image/png", "R0lGODlhAQABAAAAACw="), Should, Paths.Attachment,
            Contexts.Offline() with { CodeLists = CodeLists.CodeLists.Standard.WithoutContentTypes("image/gif") }),
        Fails("R-DIR-2", "a WebP (not served) declared as JPEG", WithAttachment("image/jpeg", "UklGRiQAAABXRUJQVlA4IA=="), Should, Paths.Attachment, value: "image/jpeg"),
        Passes("R-DIR-2", "another RIFF file (WAVE) cannot be told apart", WithAttachment("image/jpeg", "UklGRiQAAABXQVZFZm10IA==")),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Validate_TableCase_ReportsWhatTheTableSays(RuleCase expected)
    {
        var report = RuleEngine.Standard.Validate(expected.Document.Bytes, expected.Context);

        report.ShouldSatisfy(expected);
    }
}
