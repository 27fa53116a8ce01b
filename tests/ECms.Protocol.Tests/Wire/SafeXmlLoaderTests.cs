using System.Text;
using ECms.Protocol.Wire;
using Shouldly;

namespace ECms.Protocol.Tests.Wire;

public class SafeXmlLoaderTests
{
    private const string Envelope = """<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><CorrespondenceLetterInboundRequest/></SOAP-ENV:Body></SOAP-ENV:Envelope>""";

    private static IEnumerable<TestCaseData> HostileDocuments()
    {
        yield return Case("external entity (XXE)", """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>""", XmlLoadProblemKind.DtdProhibited);
        yield return Case("entity expansion (billion laughs)",
            """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><lolz>&lol3;</lolz>""",
            XmlLoadProblemKind.DtdProhibited);
        yield return Case("external DTD", """<!DOCTYPE x SYSTEM "http://127.0.0.1:1/evil.dtd"><x/>""", XmlLoadProblemKind.DtdProhibited);
        yield return Case("undeclared entity", "<x>&xxe;</x>", XmlLoadProblemKind.NotWellFormed);
        yield return Case("unescaped ampersand", "<x>A & B</x>", XmlLoadProblemKind.NotWellFormed);
        yield return Case("empty body", "", XmlLoadProblemKind.Empty);
        yield return Case("white space only", "  \r\n ", XmlLoadProblemKind.Empty);
        yield return Case("not XML at all", "hello", XmlLoadProblemKind.NotWellFormed);
        yield return Case("truncated", Envelope[..60], XmlLoadProblemKind.NotWellFormed);
        yield return Case("deep nesting", string.Concat(Enumerable.Repeat("<a>", 5000)) + string.Concat(Enumerable.Repeat("</a>", 5000)), XmlLoadProblemKind.TooDeep);
        yield return Case("too many elements", "<r>" + string.Concat(Enumerable.Repeat("<a/>", 60_000)) + "</r>", XmlLoadProblemKind.TooManyElements);
        yield return Case("too many attributes", "<r " + string.Join(' ', Enumerable.Range(0, 40).Select(i => $"a{i}=\"1\"")) + "/>", XmlLoadProblemKind.TooManyAttributes);
        yield return Case("declared non-UTF-8 encoding", """<?xml version="1.0" encoding="TIS-620"?><x/>""", XmlLoadProblemKind.NotUtf8);
        yield return new TestCaseData(new byte[] { 0xFF, 0xFE, (byte)'<', 0, (byte)'x', 0, (byte)'/', 0, (byte)'>', 0 }, XmlLoadProblemKind.NotUtf8).SetName("Load_UTF16_IsRefused");
        yield return new TestCaseData("<x>"u8.ToArray().Concat(new byte[] { 0xE0, 0xB8 }).Concat("</x>"u8.ToArray()).ToArray(), XmlLoadProblemKind.NotUtf8).SetName("Load_TruncatedThaiUtf8_IsRefused");
        yield return new TestCaseData("<x>"u8.ToArray().Concat(new byte[] { 0xC0, 0xAF }).Concat("</x>"u8.ToArray()).ToArray(), XmlLoadProblemKind.NotUtf8).SetName("Load_OverlongUtf8_IsRefused");
    }

    private static TestCaseData Case(string name, string xml, XmlLoadProblemKind kind) =>
        new TestCaseData(Encoding.UTF8.GetBytes(xml), kind).SetName($"Load_{name.Replace(' ', '_').Replace("(", "").Replace(")", "")}_Is{kind}");

    [TestCaseSource(nameof(HostileDocuments))]
    public void Load_HostileDocument_ReportsProblemWithoutThrowing(byte[] bytes, XmlLoadProblemKind expected)
    {
        var result = SafeXmlLoader.Load(bytes);

        result.Succeeded.ShouldBeFalse();
        result.Problem!.Kind.ShouldBe(expected);
        result.Problem.Message.ShouldNotBeNullOrWhiteSpace();
        result.Problem.ThaiMessage.ShouldNotBeNullOrWhiteSpace();
    }

    [Test]
    public void Load_ExternalEntity_NeverReadsTheFile()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"ecms-secret-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "TOP-SECRET-CONTENT");
        try
        {
            var xml = $"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{secret}">]><x>&xxe;</x>""";

            var result = SafeXmlLoader.Load(Encoding.UTF8.GetBytes(xml));

            result.Document.ShouldBeNull();
            result.Problem!.ToString().ShouldNotContain("TOP-SECRET-CONTENT");
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Test]
    public void Load_HundredMegabyteBody_IsRefusedBeforeParsing()
    {
        var body = new byte[100 * 1024 * 1024];
        Encoding.ASCII.GetBytes("<x>").CopyTo(body, 0);

        var result = SafeXmlLoader.Load(body);

        result.Problem!.Kind.ShouldBe(XmlLoadProblemKind.TooLarge);
        result.Problem.Message.ShouldContain("104,857,600");
    }

    [Test]
    public void Load_ConfiguredLimit_IsHonoured()
    {
        var result = SafeXmlLoader.Load(Encoding.UTF8.GetBytes(Envelope), new XmlLimits { MaxBytes = 50 });

        result.Problem!.Kind.ShouldBe(XmlLoadProblemKind.TooLarge);
    }

    [Test]
    public void Load_ValidThaiEnvelope_KeepsThaiText()
    {
        var xml = Envelope.Replace("<CorrespondenceLetterInboundRequest/>", "<X>ขอความอนุเคราะห์ &amp; ๒๕๖๗</X>");

        var result = SafeXmlLoader.Load(Encoding.UTF8.GetBytes(xml));

        result.Document!.Root!.Value.ShouldBe("ขอความอนุเคราะห์ & ๒๕๖๗");
    }

    [TestCase("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")]
    [TestCase("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"no\"?>")]
    [TestCase("\uFEFF")]
    [TestCase("")]
    public void Load_AcceptedPrologue_Loads(string prologue)
    {
        var result = SafeXmlLoader.Load(Encoding.UTF8.GetBytes(prologue + Envelope));

        result.Succeeded.ShouldBeTrue(result.Problem?.ToString());
    }

    // Found by the hub's mutation fuzzer: the .NET parser quotes the refused character in its message, and a message
    // carrying a control character or a lone surrogate made the hub's SOAP fault unwritable.
    [TestCase("<x>a&#x1F;b</x>", "U+001F")]
    [TestCase("<x>a&#xDFFF;b</x>", "U+DFFF")]
    [TestCase("<x v=\"&#xD800;\"/>", "U+D800")]
    [TestCase("<x>a\u0011b</x>", "U+0011")]
    public void Load_RefusedCharacter_ProblemMessageIsWritableXmlText(string xml, string shown)
    {
        var result = SafeXmlLoader.Load(Encoding.UTF8.GetBytes(xml));

        result.Problem!.Kind.ShouldBe(XmlLoadProblemKind.NotWellFormed);
        result.Problem.Message.ShouldContain(shown);
        Should.NotThrow(() => System.Xml.XmlConvert.VerifyXmlChars(result.Problem.Message));
    }

    // Found while fuzzing the hub: the reader will not split a surrogate pair across two chunk reads, returns one char
    // short instead, and the loader took that for the end of the text — a subject with an emoji at character 511
    // lost everything after it.
    [TestCase(505, 520)]
    [TestCase(66_030, 66_060)]
    public void Load_SurrogatePairAtAChunkBoundary_KeepsTheWholeText(int from, int to)
    {
        for (var at = from; at < to; at++)
        {
            var text = new string('ก', at) + "😀 ต่อท้าย";

            var result = SafeXmlLoader.Load(Encoding.UTF8.GetBytes($"<x a=\"{text}\">{text}</x>"));

            result.Document!.Root!.Value.ShouldBe(text, $"emoji at {at}");
            result.Document.Root.Attribute("a")!.Value.ShouldBe(text, $"emoji at {at} in an attribute");
        }
    }

    [Test]
    public void Load_NestingJustUnderTheLimit_Loads()
    {
        var depth = XmlLimits.Default.MaxDepth;
        var xml = string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth));

        var result = SafeXmlLoader.Load(Encoding.UTF8.GetBytes(xml));

        result.Succeeded.ShouldBeTrue(result.Problem?.ToString());
    }
}
