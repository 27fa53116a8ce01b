using System.Text.Json;
using ECms.Reports.Json;
using ECms.Reports.Model;
using ECms.Reports.Tests.Support;

namespace ECms.Reports.Tests;

public class ReportJsonTests
{
    [TestCaseSource(nameof(Runs))]
    public void SerializeThenDeserialize_AnyRun_GivesTheSameBytes(RunReport report)
    {
        var written = ReportJson.Serialize(report);

        var reread = ReportJson.Deserialize(written);

        ReportJson.Serialize(reread).ShouldBe(written);
        reread.Items.Count.ShouldBe(report.Items.Count);
        reread.Exchanges.Select(e => e.RequestBody).ShouldBe(report.Exchanges.Select(e => e.RequestBody));
    }

    [Test]
    public void Serialize_ThaiText_StaysReadable()
    {
        var report = SampleRuns.Certification();

        var json = ReportJson.Serialize(report);

        json.ShouldContain("\"th\": \"ส่งหนังสือที่ถูกต้องขั้นต่ำ\"");
        json.ShouldContain(Soap.Subject.Replace("&", "&amp;", StringComparison.Ordinal));
        json.ShouldNotContain("\\u0E");
    }

    [Test]
    public void Serialize_Certification_UsesTheIssue5Vocabulary()
    {
        var report = SampleRuns.Certification();

        using var document = JsonDocument.Parse(ReportJson.Serialize(report));

        var root = document.RootElement;
        root.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["suite", "sut", "profile", "verdict", "started", "finished", "durationMs", "items", "expectedDeviations", "exchanges", "redaction"]);
        root.GetProperty("verdict").GetString().ShouldBe("Failed");
        var item = root.GetProperty("items").EnumerateArray().First(i => i.GetProperty("id").GetString() == "A3");
        item.GetProperty("verdict").GetString().ShouldBe("Warning");
        item.GetProperty("level").GetString().ShouldBe("SHOULD");
        item.GetProperty("title").GetProperty("en").GetString().ShouldBe("WS-Addressing headers");
        item.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["id", "title", "level", "role", "verdict", "rules", "message", "expected", "actual", "hint", "findings", "evidence", "group", "durationMs"]);
        var exchange = root.GetProperty("exchanges")[0];
        exchange.GetProperty("time").GetString().ShouldBe("2024-06-11T09:30:01.25+07:00");
        exchange.GetProperty("organizationId").GetString().ShouldBe(Soap.SutOrg);
        exchange.EnumerateObject().Select(p => p.Name).ShouldBe(
        [
            "id", "sequence", "time", "endpoint", "organizationId", "addressedTo", "operation", "httpMethod", "contentType", "status",
            "requestBody", "responseBody", "requestSha256", "responseSha256", "findings", "injectedFault", "rejected", "errors",
        ]);
    }

    [Test]
    public void Deserialize_RunWhereTheSutDied_KeepsTheNulls()
    {
        var json = ReportJson.Serialize(SampleRuns.SutDiedMidway());

        var report = ReportJson.Deserialize(json);

        report.Finished.ShouldBeNull();
        report.Profile.ShouldBeNull();
        report.Sut!.Version.ShouldBeNull();
        report.Items.Single(i => i.Id == "D2").Title.ShouldBeNull();
        report.Exchanges[1].Status.ShouldBeNull();
        report.Exchanges[1].ResponseBody.ShouldBeNull();
    }

    [Test]
    public void Deserialize_MinimalReport_DefaultsTheCollections()
    {
        var report = ReportJson.Deserialize("""{"suite": {"name": "s", "version": "1"}, "verdict": "Error"}""");

        report.Items.ShouldBeEmpty();
        report.Exchanges.ShouldBeEmpty();
        report.ExpectedDeviations.ShouldBeEmpty();
        report.Verdict.ShouldBe(RunVerdict.Error);
    }

    [Test]
    public void Deserialize_TitleInOneLanguageAndErrorWithoutCode_IsAccepted()
    {
        const string json = """
            {"suite": {"name": "s", "version": "1"}, "verdict": "Failed",
             "items": [{"id": "A1", "verdict": "Failed", "title": {"en": "Connects to its own endpoint"}}],
             "exchanges": [{"id": "x", "errors": [{"description": "connection reset"}]}]}
            """;

        var report = ReportJson.Deserialize(json);

        report.Items[0].Title.ShouldBe(new LocalizedText(null, "Connects to its own endpoint"));
        report.Exchanges[0].Errors[0].ShouldBe(new ExchangeError(null, "connection reset"));
    }

    private static IEnumerable<TestCaseData> BrokenReports()
    {
        yield return new TestCaseData("""{"verdict": "Passed"}""").SetName("Deserialize_SuiteMissing_Throws");
        yield return new TestCaseData("""{"suite": {"name": "s", "version": "1"}, "verdict": "Maybe"}""").SetName("Deserialize_UnknownVerdict_Throws");
        yield return new TestCaseData("""{"suite": {"name": "s", "version": "1"}, "verdict": "Passed", "items": null}""").SetName("Deserialize_NullItems_Throws");
        yield return new TestCaseData("""{"suite": {"name": "s", "version": "1"}, "verdict": "Passed", "items": [{"verdict": "Passed"}]}""").SetName("Deserialize_ItemWithoutId_Throws");
        yield return new TestCaseData("""{"suite": {"name": "s", "version": "1"}, "verdict": 1}""").SetName("Deserialize_NumericVerdict_Throws");
        yield return new TestCaseData("null").SetName("Deserialize_Null_Throws");
    }

    [TestCaseSource(nameof(BrokenReports))]
    public void Deserialize_BrokenReport_Throws(string json)
    {
        var read = () => ReportJson.Deserialize(json);

        read.ShouldThrow<JsonException>();
    }

    [Test]
    public void SerializeExchanges_Journal_WritesOneObjectPerLineInSequenceOrder()
    {
        var report = SampleRuns.Certification();
        var shuffled = report.Exchanges.Reverse().ToList();

        var ndjson = ReportJson.SerializeExchanges(shuffled);

        var lines = ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(report.Exchanges.Count);
        lines.ShouldAllBe(line => line.StartsWith('{') && line.EndsWith('}'));
        ReportJson.DeserializeExchanges(ndjson).Select(e => e.Sequence).ShouldBe(report.Exchanges.Select(e => e.Sequence));
    }

    private static IEnumerable<TestCaseData> Runs()
    {
        yield return new TestCaseData(SampleRuns.Certification()).SetArgDisplayNames("certification");
        yield return new TestCaseData(SampleRuns.SutDiedMidway()).SetArgDisplayNames("sut-died");
        yield return new TestCaseData(SampleRuns.Hostile()).SetArgDisplayNames("hostile");
    }
}
