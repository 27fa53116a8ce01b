using System.Xml.Linq;
using ECms.Reports.JUnit;
using ECms.Reports.Model;
using ECms.Reports.Tests.Support;

namespace ECms.Reports.Tests;

public class JUnitReportTests
{
    [Test]
    public void Render_Certification_MatchesApproved()
    {
        var report = SampleRuns.Certification();

        var xml = JUnitReport.Render(report);

        xml.ShouldMatchApproved(Approvals.For("xml"));
    }

    private static IEnumerable<TestCaseData> Runs()
    {
        yield return new TestCaseData(SampleRuns.Certification()).SetArgDisplayNames("certification");
        yield return new TestCaseData(SampleRuns.SutDiedMidway()).SetArgDisplayNames("sut-died");
        yield return new TestCaseData(SampleRuns.Hostile()).SetArgDisplayNames("hostile");
        yield return new TestCaseData(SampleRuns.Hostile("bell\u0007 nul\u0000 ]]> </system-out>")).SetArgDisplayNames("control-characters");
        yield return new TestCaseData(new RunReport { Suite = SampleRuns.Suite, Verdict = RunVerdict.Error }).SetArgDisplayNames("empty");
    }

    [TestCaseSource(nameof(Runs))]
    public void Render_AnyRun_IsValidAgainstTheJUnitSchema(RunReport report)
    {
        var xml = JUnitReport.Render(report);

        var errors = JUnitSchema.Validate(xml);

        errors.ShouldBeEmpty();
    }

    private static IEnumerable<TestCaseData> BrokenDocuments()
    {
        yield return new TestCaseData("""<testsuites><testsuite name="A" tests="1"><testcase classname="x"/></testsuite></testsuites>""").SetArgDisplayNames("testcase-without-name");
        yield return new TestCaseData("""<testsuites><testsuite name="A" tests="-1"/></testsuites>""").SetArgDisplayNames("negative-count");
        yield return new TestCaseData("""<testsuites><testsuite name="A" tests="1"><testcase name="t" classname="x"><skipped/><failure/></testcase></testsuite></testsuites>""").SetArgDisplayNames("skipped-and-failed");
        yield return new TestCaseData("""<testsuites><testsuite name="A" tests="1" time="1,5"/></testsuites>""").SetArgDisplayNames("comma-decimal-time");
        yield return new TestCaseData("""<testsuites><testsuite name="A" tests="1" timestamp="2024-06-11T09:30:00+07:00"/></testsuites>""").SetArgDisplayNames("timestamp-with-zone");
        yield return new TestCaseData("""<testsuites><testsuite tests="1"/></testsuites>""").SetArgDisplayNames("testsuite-without-name");
        yield return new TestCaseData("""<testsuites><testsuite name="A" tests="1"><testcase name="t" classname="x"><warning/></testcase></testsuite></testsuites>""").SetArgDisplayNames("unknown-element");
    }

    [TestCaseSource(nameof(BrokenDocuments))]
    public void Validate_BrokenDocument_IsRejectedBySchema(string xml)
    {
        var errors = JUnitSchema.Validate(xml);

        errors.ShouldNotBeEmpty();
    }

    [Test]
    public void Render_Certification_HasOneTestsuitePerGroupInChecklistOrder()
    {
        var report = SampleRuns.Certification();

        var document = JUnitSchema.Parse(JUnitReport.Render(report));

        var suites = document.Root!.Elements("testsuite").ToList();
        suites.Select(s => (string?)s.Attribute("name")).ShouldBe(
        [
            "A. Transport, envelope and connectivity", "B. Directory and utility services", "C. SUT as sender",
            "D. SUT as receiver", "E. Traffic the hub would refuse (checked on the wire)", "F. End-to-end scenarios",
        ]);
        suites[2].Elements("testcase").Select(t => (string?)t.Attribute("name")).ShouldBe(
            ["C1 Send a minimal valid letter", "C3 Classification and urgency mapping", "C10 Duplicate send", "C12 Receive acknowledgement"]);
        Counts(suites[2]).ShouldBe((4, 1, 0, 0));
        Counts(document.Root!).ShouldBe((13, 2, 0, 2));
        suites[1].Element("properties")!.Elements("property").Select(p => (string?)p.Attribute("name"))
            .ShouldContain("sut.organizationId");
    }

    [TestCase("C3", "failure")]
    [TestCase("E6", "failure")]
    [TestCase("B4", "skipped")]
    [TestCase("D7", "skipped")]
    [TestCase("A1", null)]
    [TestCase("A3", null)]
    public void Render_Verdict_MapsToTheJUnitOutcome(string id, string? outcome)
    {
        var report = SampleRuns.Certification();

        var testcase = Case(JUnitSchema.Parse(JUnitReport.Render(report)), id);

        testcase.Elements().Select(e => e.Name.LocalName).Where(n => n != "system-out")
            .ShouldBe(outcome is null ? [] : [outcome]);
    }

    [Test]
    public void Render_Failure_CarriesRuleIdsMessageAndDetails()
    {
        var report = SampleRuns.Certification();

        var failure = Case(JUnitSchema.Parse(JUnitReport.Render(report)), "C3").Element("failure")!;

        ((string?)failure.Attribute("message")).ShouldBe("[R-SEND-5, R-SEND-6] The SUT sent the Thai label instead of the code for ลับ.");
        ((string?)failure.Attribute("type")).ShouldBe("MUST broken");
        failure.Value.ShouldContain("Expected: SecretCode 002 for ลับ (3 digits, §8.2)");
        failure.Value.ShouldContain("Hint: Map the secret levels");
        failure.Value.ShouldContain("Finding R-SEND-5 [MUST] /SOAP-ENV:Envelope/");
    }

    [Test]
    public void Render_Error_IsAnErrorWithTheReason()
    {
        var report = SampleRuns.SutDiedMidway();

        var document = JUnitSchema.Parse(JUnitReport.Render(report));

        var error = Case(document, "C12").Element("error")!;
        ((string?)error.Attribute("message")).ShouldStartWith("The SUT stopped answering");
        Case(document, "D2").Element("error").ShouldNotBeNull();
        Counts(document.Root!).ShouldBe((4, 1, 2, 0));
    }

    [Test]
    public void Render_NotTested_IsSkippedWithTheReason()
    {
        var report = SampleRuns.Certification();

        var skipped = Case(JUnitSchema.Parse(JUnitReport.Render(report)), "D7").Element("skipped")!;

        ((string?)skipped.Attribute("message")).ShouldBe("NotTested: No scenario yet: needs an operator to type a used receipt number (manual mode only).");
    }

    [Test]
    public void Render_Warning_PassesWithANoteInSystemOut()
    {
        var report = SampleRuns.Certification();

        var testcase = Case(JUnitSchema.Parse(JUnitReport.Render(report)), "A3");

        testcase.Element("system-out")!.Value.ShouldContain("WARNING: a SHOULD is not met; reported as passed");
        testcase.Element("system-out")!.Value.ShouldContain("ส่วนหัว WS-Addressing / WS-Addressing headers");
    }

    private static XElement Case(XDocument document, string id) =>
        document.Descendants("testcase").Single(t => ((string?)t.Attribute("name"))!.Split(' ')[0] == id);

    private static (int Tests, int Failures, int Errors, int Skipped) Counts(XElement element) =>
        ((int)element.Attribute("tests")!, (int)element.Attribute("failures")!, (int)element.Attribute("errors")!, (int)element.Attribute("skipped")!);
}
