using System.Text;
using ECms.Reports.Bundle;
using ECms.Reports.Model;
using ECms.Reports.Redaction;
using ECms.Reports.Tests.Support;
using ECms.Reports.Text;

namespace ECms.Reports.Tests;

public class RedactionTests
{
    private static readonly string[] PersonalData = [Soap.GivenName, Soap.FamilyName, Soap.JobTitle, "อธิบดีหน่วยงานบี"];

    [Test]
    public void Redact_Certification_RemovesNamesAndPositionsFromEveryBody()
    {
        var report = SampleRuns.Certification();

        var redacted = ReportRedactor.Redact(report);

        var bodies = string.Concat(redacted.Exchanges.Select(e => e.RequestBody + e.ResponseBody));
        foreach (var value in PersonalData)
        {
            bodies.ShouldNotContain(value);
        }

        bodies.ShouldContain("<ram:GivenName>[redacted]</ram:GivenName><ram:FamilyName>[redacted]</ram:FamilyName><ram:JobTitle>[redacted]</ram:JobTitle>");
        bodies.ShouldContain("<ram:GivenName></ram:GivenName>");
        bodies.ShouldContain("<ram:Subject>ขอความอนุเคราะห์ข้อมูลสถิติการใช้บริการ ปี ๒๕๖๖ &amp; 2567</ram:Subject>");
    }

    [Test]
    public void Redact_Certification_KeepsTheHashOfEachOriginalBody()
    {
        var report = SampleRuns.Certification();

        var redacted = ReportRedactor.Redact(report);

        for (var i = 0; i < report.Exchanges.Count; i++)
        {
            redacted.Exchanges[i].RequestSha256.ShouldBe(Hashing.Sha256Hex(Encoding.UTF8.GetBytes(report.Exchanges[i].RequestBody!)));
            redacted.Exchanges[i].ResponseSha256.ShouldBe(Hashing.Sha256Hex(Encoding.UTF8.GetBytes(report.Exchanges[i].ResponseBody!)));
        }

        redacted.Exchanges[0].RequestBody.ShouldNotBe(report.Exchanges[0].RequestBody);
    }

    [Test]
    public void Redact_ExchangeWithHashFromTheRawBytes_KeepsThatHash()
    {
        var report = SampleRuns.Certification();
        var recorded = report with { Exchanges = [report.Exchanges[0] with { RequestSha256 = "hash-of-the-raw-bytes" }] };

        var redacted = ReportRedactor.Redact(recorded);

        redacted.Exchanges[0].RequestSha256.ShouldBe("hash-of-the-raw-bytes");
    }

    [Test]
    public void Redact_Payloads_BecomeSizeAndHash()
    {
        var report = SampleRuns.Certification();

        var redacted = ReportRedactor.Redact(report);

        var body = redacted.Exchanges[0].RequestBody!;
        body.ShouldNotContain(Convert.ToBase64String(Soap.CoverLetter)[..40]);
        body.ShouldContain($"<ram:MainLetterBinaryObject mimeCode=\"application/pdf\">[base64: 3,009 bytes, sha256 {Hashing.Sha256Hex(Soap.CoverLetter)}]</ram:MainLetterBinaryObject>");
    }

    [Test]
    public void Redact_WithPayloadsKept_LeavesTheBase64()
    {
        var report = SampleRuns.Certification();

        var redacted = ReportRedactor.Redact(report, new RedactionOptions { ElidePayloads = false });

        redacted.Exchanges[0].RequestBody!.ShouldContain(Convert.ToBase64String(Soap.CoverLetter));
        redacted.Redaction!.PayloadsElided.ShouldBeFalse();
    }

    [Test]
    public void Redact_NamesQuotedInTheReportsOwnText_AreSweptToo()
    {
        var report = SampleRuns.Certification();
        var item = report.Items[0] with
        {
            Message = $"Signed by {Soap.GivenName} {Soap.FamilyName}",
            Actual = $"JobTitle was \"{Soap.JobTitle}\"",
            Findings =
            [
                new FindingRecord { Rule = "R-X", Path = "/Envelope/Body/x/ram:SenderParty/ram:GivenName", Value = "someone not seen in any body" },
                new FindingRecord { Rule = "R-Y", Path = "/a/b", Message = new LocalizedText($"ชื่อ {Soap.GivenName}", "name"), Value = Soap.FamilyName },
            ],
        };
        var withNames = report with { Items = [item, .. report.Items.Skip(1)] };

        var redacted = ReportRedactor.Redact(withNames);

        redacted.Items[0].Message.ShouldBe("Signed by [redacted] [redacted]");
        redacted.Items[0].Actual.ShouldBe("JobTitle was \"[redacted]\"");
        redacted.Items[0].Findings[0].Value.ShouldBe("[redacted]");
        redacted.Items[0].Findings[1].Message!.Th.ShouldBe("ชื่อ [redacted]");
        redacted.Items[0].Findings[1].Value.ShouldBe("[redacted]");
    }

    private static IEnumerable<TestCaseData> Shapes()
    {
        yield return new TestCaseData("<GivenName>วรรณา</GivenName>").SetArgDisplayNames("no-prefix");
        yield return new TestCaseData("<x:GivenName xmlns:x=\"urn:x\">วรรณา</x:GivenName>").SetArgDisplayNames("other-prefix");
        yield return new TestCaseData("<ram:GivenName  lang=\"th\" >วรรณา</ram:GivenName >").SetArgDisplayNames("attributes-and-spaces");
        yield return new TestCaseData("<ram:GivenName><![CDATA[วรรณา]]></ram:GivenName>").SetArgDisplayNames("cdata");
        yield return new TestCaseData("<ram:GivenName><!-- signer -->วรรณา</ram:GivenName>").SetArgDisplayNames("comment");
        yield return new TestCaseData("<ram:GivenName>วรร<b>ณา</b></ram:GivenName>").SetArgDisplayNames("child-element");
        yield return new TestCaseData("<ram:GivenName>วรรณา</ram:GivenName><broken").SetArgDisplayNames("not-well-formed");
    }

    [TestCaseSource(nameof(Shapes))]
    public void Redact_NameInAnyShape_DoesNotSurvive(string fragment)
    {
        var body = $"<r xmlns:ram=\"urn:ram\">{fragment}<Note>ผู้ลงนาม วรรณา</Note></r>";
        var report = new RunReport
        {
            Suite = SampleRuns.Suite,
            Verdict = RunVerdict.Passed,
            Exchanges = [new ExchangeRecord { Id = "1", RequestBody = body }],
        };

        var redacted = ReportRedactor.Redact(report);

        redacted.Exchanges[0].RequestBody!.ShouldNotContain("วรรณา");
        redacted.Exchanges[0].RequestBody!.ShouldNotContain("ณา");
        redacted.Exchanges[0].RequestSha256.ShouldBe(Hashing.Sha256Hex(body));
    }

    [Test]
    public void WriteRedacted_Bundle_HoldsNoPersonalDataInAnyFileAndVerifies()
    {
        using var dir = new TempDirectory();

        var manifest = EvidenceBundle.Write(SampleRuns.Certification(), dir.Path, EvidenceBundleOptions.Redacted);

        manifest.Redacted.ShouldBeTrue();
        foreach (var file in Directory.GetFiles(dir.Path))
        {
            var text = File.ReadAllText(file);
            foreach (var value in PersonalData)
            {
                text.ShouldNotContain(value, customMessage: $"{Path.GetFileName(file)} still holds personal data");
            }
        }

        EvidenceBundle.Verify(dir.Path).IsIntact.ShouldBeTrue();
    }
}
