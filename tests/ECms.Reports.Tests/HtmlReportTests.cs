using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ECms.Reports.Html;
using ECms.Reports.Json;
using ECms.Reports.Model;
using ECms.Reports.Redaction;
using ECms.Reports.Tests.Support;

namespace ECms.Reports.Tests;

public partial class HtmlReportTests
{
    [Test]
    public void Render_Certification_MatchesApproved()
    {
        var report = SampleRuns.Certification();

        var html = HtmlReport.Render(report);

        html.ShouldMatchApproved(Approvals.For("html"));
    }

    [Test]
    public void Render_SutDiedMidway_MatchesApproved()
    {
        var report = SampleRuns.SutDiedMidway();

        var html = HtmlReport.Render(report);

        html.ShouldMatchApproved(Approvals.For("html"));
    }

    [Test]
    public void Render_SameReportAfterJsonRoundTrip_IsByteIdentical()
    {
        var report = SampleRuns.Certification();
        var first = HtmlReport.Render(report);

        var second = HtmlReport.Render(ReportJson.Deserialize(ReportJson.Serialize(report)));

        second.ShouldBe(first);
    }

    [Test]
    public void Render_Items_AppearInChecklistOrder()
    {
        var report = SampleRuns.Certification();

        var html = HtmlReport.Render(report);

        IdCells().Matches(html).Select(m => m.Groups[1].Value)
            .ShouldBe(["A1", "A2", "A3", "A6", "B1", "B4", "C1", "C3", "C10", "C12", "D7", "E6", "F1"]);
    }

    [Test]
    public void Render_Header_NamesTheSutProfileVersionsDatesAndCounts()
    {
        var report = SampleRuns.Certification();

        var html = HtmlReport.Render(report);

        var header = Between(html, "<header>", "</header>");
        header.ShouldContain("ระบบสารบรรณอ้างอิง (Reference Agency) (ECms.ReferenceAgency)");
        header.ShouldContain("<code>9900100000</code>");
        header.ShouldContain("reference-agency");
        header.ShouldContain("ecms-conformance 0.1.0");
        header.ShouldContain("ecms2-protocol 2024-06 / checklist A1–F7");
        header.ShouldContain("11 มิถุนายน พ.ศ. 2567 เวลา 09:30:00 น.");
        header.ShouldContain("11 June 2024, 09:30:00 UTC+07:00 (B.E. 2567)");
        header.ShouldContain("<p class=\"overall v-Failed\" id=\"overall-verdict\">");
        CountOf(header, Verdict.Passed).ShouldBe(8);
        CountOf(header, Verdict.Failed).ShouldBe(2);
        CountOf(header, Verdict.Warning).ShouldBe(1);
        CountOf(header, Verdict.NotApplicable).ShouldBe(1);
        CountOf(header, Verdict.NotTested).ShouldBe(1);
        CountOf(header, Verdict.Error).ShouldBe(0);
    }

    [Test]
    public void Render_FailedItem_ExplainsAndShowsItsEvidence()
    {
        var report = SampleRuns.Certification();

        var html = HtmlReport.Render(report);

        var item = ItemBody(html, "C3");
        item.ShouldContain("data-verdict=\"Failed\"");
        item.ShouldContain("SecretCode 002 for ลับ (3 digits, §8.2)");
        item.ShouldContain("SecretCode &quot;ลับ&quot;; the hub answered E110");
        item.ShouldContain("<p class=\"hint\">");
        item.ShouldContain("/SOAP-ENV:Envelope/SOAP-ENV:Body/CorrespondenceLetterOutboundRequest/rsm:GovernmentDocument/ram:CorrespondenceLetter/ram:SecretCode");
        item.ShouldContain("<svg class=\"seq\"");
        item.ShouldContain("500 E110");
        item.ShouldContain("&lt;ram:SecretCode&gt;ลับ&lt;/ram:SecretCode&gt;");
        item.ShouldContain("[base64: 3,009 bytes, sha256 ");
        item.ShouldContain("<code>E110</code> SecretCode ต้องเป็นรหัส 3 หลัก");
        item.ShouldNotContain(Convert.ToBase64String(Soap.CoverLetter)[..40]);
    }

    [Test]
    public void Render_SequenceDiagram_PutsSutAndPeerCallsOnTheirLanes()
    {
        var report = SampleRuns.Certification();

        var html = HtmlReport.Render(report);

        var svg = Between(ItemBody(html, "F1"), "<svg class=\"seq\"", "</svg>");
        svg.ShouldContain(">9900100000</text>");
        svg.ShouldContain(">9900200000</text>");
        svg.ShouldContain("#1 GovernmentDocument");
        svg.ShouldContain("#4 ReceiveLetterNotifier");
        // SUT (x=95) calls the hub (x=315); the peer (x=535) calls it from the right.
        svg.ShouldContain("<line class=\"req\" x1=\"95\" y1=\"76\" x2=\"306\" y2=\"76\"/>");
        svg.ShouldContain("<line class=\"req\" x1=\"535\" y1=\"122\" x2=\"324\" y2=\"122\"/>");
    }

    [Test]
    public void Render_SutDiedMidway_ShowsWhatIsKnownAndSaysWhatIsNot()
    {
        var report = SampleRuns.SutDiedMidway();

        var html = HtmlReport.Render(report);

        html.ShouldContain("the run did not finish");
        html.ShouldContain("The run is incomplete");
        html.ShouldContain("Exchange journal-entry-that-never-arrived is not in the journal");
        html.ShouldContain("no response");
        html.ShouldContain("not well-formed XML — shown as received");
        ItemBody(html, "D2").ShouldContain("The run recorded no explanation.");
        ItemBody(html, "C12").ShouldContain("connection refused at http://127.0.0.1:5100/control/v1/health");
    }

    [Test]
    public void Render_ExpectedDeviations_FlagsTheOneThatNoLongerFails()
    {
        var report = SampleRuns.Certification();

        var html = HtmlReport.Render(report);

        var deviations = Between(html, "<section id=\"deviations\">", "</section>");
        deviations.ShouldContain("<tr><td>A3</td><td>MessageIDs were numeric before release 4.2.</td><td><span class=\"bi\"><span lang=\"th\">ผ่านแล้ว — ควรลบออกจากโปรไฟล์</span>");
        deviations.ShouldContain("still fails, as expected");
    }

    private static IEnumerable<TestCaseData> HostileTexts()
    {
        yield return new TestCaseData(SampleRuns.HostileText).SetArgDisplayNames("script-breakout");
        yield return new TestCaseData("\"><svg onload=alert(1)>").SetArgDisplayNames("attribute-breakout");
        yield return new TestCaseData("' onmouseover='alert(1)").SetArgDisplayNames("single-quote");
        yield return new TestCaseData("<!--<script>alert(1)</script>-->").SetArgDisplayNames("comment");
        yield return new TestCaseData("<style>*{display:none}</style><link rel=stylesheet href=http://evil.test/x.css>").SetArgDisplayNames("style-and-link");
    }

    [TestCaseSource(nameof(HostileTexts))]
    public void Render_HostileTextInEveryField_IsEscaped(string hostile)
    {
        var report = SampleRuns.Hostile(hostile);

        var html = HtmlReport.Render(report);

        html.ShouldNotContain(hostile);
        html.ShouldContain(HtmlEscaped(hostile));
        Regex.Count(html, "<script", RegexOptions.IgnoreCase).ShouldBe(1);
        Regex.Count(html, "</script", RegexOptions.IgnoreCase).ShouldBe(1);
        Regex.Count(html, "<style", RegexOptions.IgnoreCase).ShouldBe(1);
        html.ShouldNotContain("<img", Case.Insensitive);
        html.ShouldNotContain("<svg onload", Case.Insensitive);
        html.ShouldNotContain("<link", Case.Insensitive);
        html.ShouldNotContain("' onmouseover");
    }

    [Test]
    public void Render_Hostile_DoesNotExpandEntitiesFromTheEvidence()
    {
        var report = SampleRuns.Hostile();

        var html = HtmlReport.Render(report);

        html.ShouldContain("&lt;!DOCTYPE x [&lt;!ENTITY e SYSTEM &quot;file:///etc/passwd&quot;&gt;]&gt;&amp;e;");
        html.ShouldNotContain("root:x:0:0");
    }

    [Test]
    public void Render_AnyRun_RequestsNothingFromOutsideThePage()
    {
        var report = SampleRuns.Certification();

        var html = HtmlReport.Render(report);

        foreach (var reference in new[] { "src=", "href=", "url(", "@import", "<link", "<iframe", "<object", "<embed", "<img", "@font-face" })
        {
            html.ShouldNotContain(reference, Case.Insensitive);
        }

        html.ShouldContain("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ");
        html.ShouldContain("<meta charset=\"utf-8\">");
    }

    [Test]
    public void Render_ContentSecurityPolicy_AllowsExactlyTheInlineStyleAndScript()
    {
        var report = SampleRuns.Certification();

        var html = HtmlReport.Render(report);

        var style = Between(html, "<style>", "</style>");
        var script = Between(html, "<script>", "</script>");
        html.ShouldContain($"style-src 'sha256-{Sha256Base64(style)}'");
        html.ShouldContain($"script-src 'sha256-{Sha256Base64(script)}'");
    }

    [Test]
    public void Render_WithoutScript_EveryItemIsVisibleAndTheControlsAreHidden()
    {
        var report = SampleRuns.Certification();

        var html = HtmlReport.Render(report);

        Regex.Count(html, "<tbody class=\"item").ShouldBe(report.Items.Count);
        html.ShouldNotContain(" hidden");
        html.ShouldContain(".controls { display: none;");
        html.ShouldContain(".js .controls { display: flex; }");
        html.ShouldContain("details::details-content { content-visibility: visible; display: contents; }");
    }

    [Test]
    public void Render_FontStack_UsesThaiCapableSystemFontsOnly()
    {
        var report = SampleRuns.Certification();

        var html = HtmlReport.Render(report);

        html.ShouldContain("font-family: \"Noto Sans Thai\"");
        html.ShouldContain("\"Tahoma\"");
        html.ShouldContain("<html lang=\"th\">");
    }

    [Test]
    public void Render_RedactedReport_SaysSo()
    {
        var report = ReportRedactor.Redact(SampleRuns.Certification());

        var html = HtmlReport.Render(report);

        var notice = Between(html, "<p class=\"notice\" id=\"redaction\">", "</p>");
        notice.ShouldContain("<code>GivenName</code>, <code>FamilyName</code>, <code>JobTitle</code>");
        notice.ShouldContain("the attached files&#39; content");
    }

    internal static string ItemBody(string html, string id)
    {
        var match = Regex.Match(html, $"<tbody class=\"item[^\"]*\"[^>]*>\\n<tr class=\"summary-row\"><td class=\"id\">{Regex.Escape(id)}</td>.*?</details></td></tr>\\n</tbody>", RegexOptions.Singleline);
        match.Success.ShouldBeTrue($"no item {id} in the page");
        return match.Value;
    }

    private static int CountOf(string header, Verdict verdict)
    {
        var match = Regex.Match(header, $"<li data-verdict=\"{verdict}\">.*?<span class=\"n\">(\\d+)</span></li>");
        match.Success.ShouldBeTrue($"no count for {verdict}");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        from.ShouldBeGreaterThanOrEqualTo(0, $"missing {start}");
        var to = text.IndexOf(end, from + start.Length, StringComparison.Ordinal);
        to.ShouldBeGreaterThan(from, $"missing {end}");
        return text[(from + start.Length)..to];
    }

    private static string HtmlEscaped(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);

    private static string Sha256Base64(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex("<td class=\"id\">(.*?)</td>")]
    private static partial Regex IdCells();
}
