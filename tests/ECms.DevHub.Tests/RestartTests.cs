using System.Net;
using System.Text.Json;
using ECms.DevHub.Tests.Support;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.Simulators.Persistence;

namespace ECms.DevHub.Tests;

/// <summary>
/// The dev hub stopped and started again on the same data file: what an operator set at run time over the admin API
/// comes back, and says so on the console and the monitor.
/// </summary>
public class RestartTests
{
    [Test]
    public async Task Restart_AfterAnOperatorsSession_RestoresStrictnessClockAndFaultAndSaysSo()
    {
        await using var rig = DevHubRig.Create(o => o with { Strictness = ValidationProfile.Strict });
        await AdminAsync(rig.Http, HttpMethod.Put, "/admin/strictness", """{"strictness":"lenient"}""");
        await AdminAsync(rig.Http, HttpMethod.Post, "/admin/clock", """{"shiftSeconds":420}""");
        await AdminAsync(rig.Http, HttpMethod.Post, "/admin/faults",
            $$"""{"kind":"http-error","status":503,"organizationId":"{{DevHubRig.A}}","operation":"Pull","times":2}""");
        (await rig.PeerA.PullAsync()).HttpStatus.ShouldBe(503);
        await rig.Server.DisposeAsync();

        await using var restarted = rig.StartAgain();
        using var http = new HttpClient { BaseAddress = restarted.BaseUrl };
        var monitor = WebUtility.HtmlDecode(await http.GetStringAsync("/monitor"));
        var status = JsonDocument.Parse(await AdminAsync(http, HttpMethod.Get, "/admin/status")).RootElement;

        restarted.Hub.Strictness.ShouldBe(ValidationProfile.Lenient);
        restarted.Hub.Clock.GetUtcNow().ShouldBe(DevHubRig.Start.AddMinutes(7));
        restarted.Hub.ActiveFaults.ShouldHaveSingleItem().Remaining.ShouldBe(1);
        restarted.StartNotes.ShouldBe([
            "Restored from the data file (as set at run time before the last stop):",
            "  strictness Lenient",
            "  clock offset +00:07:00 (hub time ahead of real time)",
            "  fault HttpError 503 for 9900100000/Pull ×2, 1 hit(s), 1 left",
            "  --strict is not applied: the data file keeps Lenient. Switch with PUT /admin/strictness, or start with --reset-settings.",
            "Journal: keeps the last 30 day(s) and at most 50,000 exchanges.",
        ]);
        monitor.ShouldContain("Strictness: Lenient · ส่วนต่างเวลา · Clock offset: +00:07:00 · ความผิดพลาดที่จำลอง · Injected faults: 1");
        monitor.ShouldContain("Restored from the data file at start-up: strictness Lenient; clock offset +00:07:00 (hub time ahead of real time); fault HttpError 503");
        status.GetProperty("strictness").GetString().ShouldBe("Lenient");
        status.GetProperty("restoredAtStart").EnumerateArray().Select(e => e.GetString()).ShouldContain("strictness Lenient");
    }

    [Test]
    public async Task Restart_WithResetSettings_StartsFromTheOptionsAndSaysSo()
    {
        await using var rig = DevHubRig.Create();
        await AdminAsync(rig.Http, HttpMethod.Put, "/admin/strictness", """{"strictness":"strict"}""");
        await AdminAsync(rig.Http, HttpMethod.Post, "/admin/faults", """{"kind":"malformed-body","windowSeconds":3600}""");
        await rig.Server.DisposeAsync();

        await using var restarted = rig.StartAgain(o => o with { ResetSettings = true });
        using var http = new HttpClient { BaseAddress = restarted.BaseUrl };
        var monitor = WebUtility.HtmlDecode(await http.GetStringAsync("/monitor"));

        restarted.Hub.Strictness.ShouldBe(ValidationProfile.Lenient);
        restarted.Hub.ActiveFaults.ShouldBeEmpty();
        restarted.StartNotes.ShouldBe([
            "--reset-settings: the strictness, clock offset and faults stored by the last run were forgotten.",
            "Journal: keeps the last 30 day(s) and at most 50,000 exchanges.",
        ]);
        monitor.ShouldNotContain("Restored from the data file");
    }

    [Test]
    public async Task Restart_AfterTheRetentionPeriod_PrunesTheJournalKeepsTheLetterAndSaysSo()
    {
        await using var rig = DevHubRig.Create(o => o with { JournalRetention = new JournalRetention { MaxAge = TimeSpan.FromDays(30) } });
        var letter = rig.PeerA.ComposeLetter(DevHubRig.B, "ทส 9901/60", "หนังสือเก่ากว่าระยะเก็บบันทึก");
        (await rig.PeerA.SendLetterAsync(letter)).Expect<SendLetterResponse>();
        var processId = rig.Server.Hub.FindLetter(letter.Key)!.SubmissionProcessId;
        var exchanges = rig.Server.Hub.Journal.LastSequence;
        await rig.Server.DisposeAsync();
        rig.Clock.Advance(TimeSpan.FromDays(31));

        await using var restarted = rig.StartAgain();
        using var http = new HttpClient { BaseAddress = restarted.BaseUrl };
        var page = WebUtility.HtmlDecode(await http.GetStringAsync($"/monitor/letters/{processId}"));
        var status = JsonDocument.Parse(await AdminAsync(http, HttpMethod.Get, "/admin/status")).RootElement;

        restarted.StartNotes[^1].ShouldBe($"Journal: keeps the last 30 day(s); pruned {exchanges} older exchange(s) at start.");
        page.ShouldContain("หนังสือเก่ากว่าระยะเก็บบันทึก");
        page.ShouldNotContain("class=\"exchange");
        status.GetProperty("journalRetention").GetString().ShouldBe("the last 30 day(s)");
        status.GetProperty("journalPruned").GetInt64().ShouldBe(exchanges);
    }

    private static async Task<string> AdminAsync(HttpClient http, HttpMethod method, string path, string? json = null)
    {
        using var request = DevHubRig.Admin(method, path, json);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBeLessThan(300, body);
        return body;
    }
}
