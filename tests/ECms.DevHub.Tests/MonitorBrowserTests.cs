using ECms.DevHub.Tests.Support;
using ECms.Protocol.Messages;
using Microsoft.Playwright;

namespace ECms.DevHub.Tests;

/// <summary>The monitor in a real headless Chromium, following a letter through the exchange of FAQ item 13.</summary>
[NonParallelizable]
public class MonitorBrowserTests
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    [OneTimeSetUp]
    public async Task LaunchBrowser() => (_playwright, _browser) = await Chromium.LaunchAsync();

    [OneTimeTearDown]
    public async Task CloseBrowser()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Test]
    public async Task Monitor_LetterPulledAndRegistered_ShowsItsStepAndTheStatisticsMatch()
    {
        await using var rig = DevHubRig.Create();
        var page = await _browser.NewPageAsync();
        var letter = rig.PeerA.ComposeLetter(DevHubRig.B, "ทส 9901.3/77", "ขอความอนุเคราะห์ข้อมูลสถิติ ปี 2567");
        var other = rig.PeerB.ComposeLetter(DevHubRig.A, "ทบ 9902/5", "หนังสือที่ยังไม่มีผู้ดึง");
        (await rig.PeerA.SendLetterAsync(letter)).Expect<SendLetterResponse>();
        (await rig.PeerB.SendLetterAsync(other)).Expect<SendLetterResponse>();
        var processId = rig.Server.Hub.FindLetter(letter.Key)!.SubmissionProcessId;
        var row = page.Locator($"tr[data-letter='{processId}']");

        await page.GotoAsync(new Uri(rig.Server.BaseUrl, "/monitor").AbsoluteUri);
        (await row.Locator("td.step").GetAttributeAsync("data-step")).ShouldBe("Sent");
        (await row.Locator("td.subject").InnerTextAsync()).ShouldBe("ขอความอนุเคราะห์ข้อมูลสถิติ ปี 2567");

        var pulled = (await rig.PeerB.PullAsync()).Expect<PullResponse>();
        (await rig.PeerB.DeleteAsync(pulled.Item!.ProcessId)).Expect<DeleteFromQueueResponse>();
        await page.ReloadAsync();
        (await row.Locator("td.step").GetAttributeAsync("data-step")).ShouldBe("Pulled");

        (await rig.PeerB.AcknowledgeAsync(letter)).Expect<SendNotifierResponse>();
        (await rig.PeerB.RegisterAsync(letter, "รับ 2567/00123")).Expect<SendNotifierResponse>();
        await page.ReloadAsync();
        (await row.Locator("td.step").GetAttributeAsync("data-step")).ShouldBe("ReceiptNumber");
        (await row.Locator("td.receipt").InnerTextAsync()).ShouldStartWith("รับ 2567/00123 · 2024-06-11 09:30:00");

        // Filter by receiver status in the browser: only the registered letter remains.
        await page.SelectOptionAsync("select[name=status]", "ReceiptNumber");
        await page.ClickAsync("form button[type=submit]");
        (await page.Locator("tr[data-letter]").CountAsync()).ShouldBe(1);
        page.Url.ShouldContain("status=ReceiptNumber");

        await page.ClickAsync($"tr[data-letter='{processId}'] a");
        (await page.Locator("tr[data-step='ReceiptNumber'] td").Nth(0).InnerTextAsync()).ShouldContain("รับ 2567/00123");
        (await page.Locator("section.exchange h3").AllInnerTextsAsync()).Select(t => t.Split(' ')[1]).ShouldBe(
            ["SendLetter", "Pull", "DeleteFromQueue", "SendReceiveLetterNotifier", "SendAcceptLetterNotifier"]);

        await page.ClickAsync("nav a[href='/monitor/stats']");
        await page.FillAsync("input[name=month]", "2024-06");
        await page.ClickAsync("form button[type=submit]");
        (await Counts(page, DevHubRig.A)).ShouldBe(["1", "0", "0", "0", "0"]);
        (await Counts(page, DevHubRig.B)).ShouldBe(["1", "1", "1", "1", "0"]);
    }

    private static async Task<string[]> Counts(IPage page, string organizationId)
    {
        var cells = page.Locator($"#stats tr[data-agency='{organizationId}'] td");
        return [.. (await cells.AllInnerTextsAsync()).Skip(2)];
    }
}
