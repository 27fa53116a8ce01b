using ECms.Reports.Bundle;
using ECms.Reports.Tests.Support;
using Microsoft.Playwright;

namespace ECms.Reports.Tests;

/// <summary>
/// The report as an auditor opens it: a file:// page in a real headless Chromium. Fails (never skips) when Chromium
/// is missing, with the command that installs it.
/// </summary>
[Category("browser")]
[NonParallelizable]
public sealed class ReportInChromiumTests : IDisposable
{
    private readonly TempDirectory _bundle = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _url = "";

    [OneTimeSetUp]
    public async Task LaunchAsync()
    {
        EvidenceBundle.Write(SampleRuns.Certification(), _bundle.Path);
        _url = new Uri(_bundle.File("report.html")).AbsoluteUri;
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task CloseAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        Dispose();
    }

    public void Dispose()
    {
        _playwright?.Dispose();
        _playwright = null;
        _bundle.Dispose();
    }

    [Test]
    public async Task Open_Report_LoadsWithNoConsoleErrorAndNoRequestButTheFile()
    {
        await using var session = await OpenAsync();

        await session.Page.Locator("#overall-verdict").WaitForAsync();

        session.Problems.ShouldBeEmpty();
        session.Requests.ShouldBe([_url]);
        (await session.Page.EvaluateAsync<bool>("document.documentElement.classList.contains('js')")).ShouldBeTrue("the inline script did not run (CSP hash?)");
        await SaveScreenshotAsync(session.Page, "report-overview.png", "The report as opened: header, counts, checklist", fullPage: true);
    }

    [Test]
    public async Task ExpandFailedItem_Click_ShowsItsEvidence()
    {
        await using var session = await OpenAsync();
        var item = session.Page.Locator("tbody.item", new() { Has = session.Page.Locator("td.id", new() { HasTextString = "C3" }) });
        var evidence = item.Locator("section.exchange pre").First;
        (await evidence.IsVisibleAsync()).ShouldBeFalse();

        await item.Locator("summary").ClickAsync();

        (await evidence.IsVisibleAsync()).ShouldBeTrue();
        (await item.GetAttributeAsync("data-verdict")).ShouldBe("Failed");
        (await item.Locator("svg.seq").IsVisibleAsync()).ShouldBeTrue();
        (await item.Locator("p.hint").InnerTextAsync()).ShouldContain("Map the secret levels");
        var body = await evidence.InnerTextAsync();
        body.ShouldContain("<ram:SecretCode>ลับ</ram:SecretCode>");
        body.ShouldContain("[base64: 3,009 bytes, sha256 ");
        session.Problems.ShouldBeEmpty();
        session.Requests.ShouldBe([_url]);
        await item.ScrollIntoViewIfNeededAsync();
        await SaveScreenshotAsync(session.Page, "failed-item-expanded.png", "C3 expanded: expected vs actual, findings, diagram, SOAP evidence", fullPage: false, clip: item);
    }

    [Test]
    public async Task Filters_HidePassedAndFailedFirst_ShowFailuresOnTop()
    {
        await using var session = await OpenAsync();
        var page = session.Page;

        await page.Locator("input[name=verdict][value=Passed]").UncheckAsync();
        await page.Locator("input[name=failed-first]").CheckAsync();

        var visible = await page.Locator("tbody.item:visible").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.verdict)");
        visible.ShouldNotContain("Passed");
        visible.Take(2).ShouldBe(["Failed", "Failed"]);
        (await page.Locator("#shown-count").InnerTextAsync()).ShouldBe(visible.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        session.Problems.ShouldBeEmpty();
    }

    [Test]
    public async Task Open_WithJavaScriptOff_ShowsEveryItemAndHidesTheControls()
    {
        await using var session = await OpenAsync(javaScript: false);
        var page = session.Page;

        await page.Locator("#overall-verdict").WaitForAsync();

        (await page.Locator("#filters").IsVisibleAsync()).ShouldBeFalse();
        (await page.Locator("tbody.item:visible").CountAsync()).ShouldBe(13);
        var item = page.Locator("tbody.item").Nth(7);
        await item.Locator("summary").ClickAsync();
        (await item.Locator("div.outcome").IsVisibleAsync()).ShouldBeTrue();
        session.Requests.ShouldBe([_url]);
    }

    [Test]
    public async Task Print_Report_ExpandsEveryItemAndHidesTheControls()
    {
        await using var session = await OpenAsync();
        var page = session.Page;
        await page.Locator("input[name=verdict][value=Passed]").UncheckAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        (await page.Locator("#filters").IsVisibleAsync()).ShouldBeFalse();
        (await page.Locator("tbody.item:visible").CountAsync()).ShouldBe(13);
        (await page.Locator("tbody.item").Nth(7).Locator("section.exchange pre").First.IsVisibleAsync()).ShouldBeTrue();
        var pdf = Path.Combine(ArtifactDirectory(), "report.pdf");
        await page.PdfAsync(new() { Path = pdf, Format = "A4", PrintBackground = true });
        new FileInfo(pdf).Length.ShouldBeGreaterThan(10_000);
        TestContext.AddTestAttachment(pdf, "The report printed to PDF");
    }

    [Test]
    public async Task Open_ThaiText_IsRenderedWithAThaiFont()
    {
        await using var session = await OpenAsync();

        // With no Thai font, a combining vowel is drawn as a box and takes width; with one it takes none.
        var widths = await session.Page.EvaluateAsync<double[]>("""
            () => {
              const context = document.createElement('canvas').getContext('2d');
              context.font = getComputedStyle(document.body).font;
              return [context.measureText('ก').width, context.measureText('กิ').width];
            }
            """);

        widths[1].ShouldBe(widths[0], 0.01, Chromium.ThaiFontHint);
    }

    private async Task<Session> OpenAsync(bool javaScript = true)
    {
        var context = await _browser!.NewContextAsync(new() { JavaScriptEnabled = javaScript, ViewportSize = new() { Width = 1280, Height = 900 } });
        var session = new Session(context, await context.NewPageAsync());
        context.Request += (_, request) => session.Requests.Add(request.Url);
        session.Page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                session.Problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        session.Page.PageError += (_, error) => session.Problems.Add($"page error: {error}");
        session.Page.SetDefaultTimeout(15_000);
        await session.Page.GotoAsync(_url, new() { WaitUntil = WaitUntilState.Load });
        return session;
    }

    private static string ArtifactDirectory()
    {
        var directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "browser-artifacts");
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static async Task SaveScreenshotAsync(IPage page, string name, string description, bool fullPage, ILocator? clip = null)
    {
        var path = Path.Combine(ArtifactDirectory(), name);
        if (clip is null)
        {
            await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
        }
        else
        {
            await clip.ScreenshotAsync(new() { Path = path });
        }

        TestContext.AddTestAttachment(path, description);
    }

    private sealed class Session(IBrowserContext context, IPage page) : IAsyncDisposable
    {
        public IPage Page { get; } = page;

        public List<string> Requests { get; } = [];

        public List<string> Problems { get; } = [];

        public async ValueTask DisposeAsync() => await context.CloseAsync();
    }
}
