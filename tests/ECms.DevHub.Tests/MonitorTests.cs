using System.Net;
using System.Text;
using ECms.DevHub.Tests.Support;
using ECms.Protocol.Messages;

namespace ECms.DevHub.Tests;

/// <summary>The monitor over plain HTTP: escaping of what strangers wrote, the letter page, the CSV, bad query values.</summary>
public class MonitorTests
{
    private const string Hostile = "<script>alert('x')</script> & \"ด่วน\" <img src=x onerror=alert(1)>";

    [Test]
    public async Task Letters_SubjectWithMarkup_IsShownAsTextNeverAsMarkup()
    {
        await using var rig = DevHubRig.Create();
        (await rig.PeerA.SendLetterAsync(rig.PeerA.ComposeLetter(DevHubRig.B, "ทส <b>1</b>", Hostile))).Expect<SendLetterResponse>();

        using var response = await rig.Http.GetAsync("/monitor");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.CharSet.ShouldBe("utf-8");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'none'");
        var cell = html[(html.IndexOf("<td class=\"subject\">", StringComparison.Ordinal) + 20)..];
        WebUtility.HtmlDecode(cell[..cell.IndexOf("</td>", StringComparison.Ordinal)]).ShouldBe(Hostile);
        html.ShouldNotContain("<script");
        html.ShouldNotContain("<img");
        html.ShouldNotContain("<b>1</b>");
    }

    [Test]
    public async Task LetterPage_AfterExchanges_ShowsPrettyPrintedSoapAndFindings()
    {
        await using var rig = DevHubRig.Create();
        var letter = rig.PeerA.ComposeLetter(DevHubRig.B, "ทส 9901/55", "ขอเชิญประชุมคณะทำงาน");
        (await rig.PeerA.SendLetterAsync(letter)).Expect<SendLetterResponse>();
        (await rig.PeerA.SendLetterAsync(letter)).Errors.Select(e => e.Code).ShouldBe(["E300"]);
        var processId = rig.Server.Hub.FindLetter(letter.Key)!.SubmissionProcessId;

        var html = await rig.Http.GetStringAsync($"/monitor/letters/{processId}");

        html.ShouldContain("ขอเชิญประชุมคณะทำงาน");
        html.ShouldContain("SendLetter · กรมทดสอบเอ (9900100000) · Accepted · HTTP 200");
        html.ShouldContain("SendLetter · กรมทดสอบเอ (9900100000) · Rejected · HTTP 200");
        html.ShouldContain("R-SEND-DUP");
        // Indented by the hardened loader: the envelope's children start on their own lines.
        html.ShouldContain("\n  &lt;SOAP-ENV:Body&gt;");
    }

    [Test]
    public async Task StatisticsCsv_ForTheMonth_IsUtf8WithBomAndCountsTheExchange()
    {
        await using var rig = DevHubRig.Create();
        var letter = rig.PeerA.ComposeLetter(DevHubRig.B, "ทส 1", "สถิติ");
        (await rig.PeerA.SendLetterAsync(letter)).Expect<SendLetterResponse>();
        var pulled = (await rig.PeerB.PullAsync()).Expect<PullResponse>();
        (await rig.PeerB.DeleteAsync(pulled.Item!.ProcessId)).Expect<DeleteFromQueueResponse>();
        (await rig.PeerB.AcknowledgeAsync(letter)).Expect<SendNotifierResponse>();

        using var response = await rig.Http.GetAsync("/monitor/stats.csv?month=2024-06");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ShouldBe([
            "month,organization_id,agency_th,agency_en,sent,received,acknowledged,with_receipt_number,rejected",
            "2024-06,9900100000,กรมทดสอบเอ,Test Department A,1,0,0,0,0",
            "2024-06,9900200000,กรมทดสอบบี,Test Department B,0,1,1,0,0",
        ]);
    }

    [TestCase("/monitor?agency=%00%ff&status=<x>&from=yesterday&to=2024-13-45")]
    [TestCase("/monitor/stats?month=9999-99")]
    [TestCase("/monitor/stats.csv?month=';DROP TABLE letters;--")]
    public async Task Monitor_NonsenseQueryValues_IgnoredNotAnError(string path)
    {
        await using var rig = DevHubRig.Create();

        using var response = await rig.Http.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [TestCase("/monitor/letters/S999999999999")]
    [TestCase("/monitor/letters/%3Cscript%3E")]
    [TestCase("/monitor/nothing")]
    public async Task Monitor_UnknownPage_Is404(string path)
    {
        await using var rig = DevHubRig.Create();

        using var response = await rig.Http.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("<script");
    }
}
