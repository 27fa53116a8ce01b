using Microsoft.Playwright;

namespace ECms.Reports.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright's bundled driver (a Node binary inside the NuGet package, so nothing is
/// downloaded). Playwright never fetches a browser here: it is pointed at /usr/bin/chromium.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public const string InstallHint =
        "Debian's Chromium is needed for the browser tests and is not installed at " + ExecutablePath + ". " +
        "Install it with: apt-get update && apt-get install -y chromium fonts-noto-core";

    public const string ThaiFontHint =
        "Thai text renders as empty boxes: no Thai-capable font is installed. " +
        "Install one with: apt-get install -y fonts-noto-core (Noto Sans Thai, first in the report's font stack) " +
        "or fonts-thai-tlwg (Loma, Garuda, Waree).";

    public static IReadOnlyList<string> Args { get; } =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic",
    ];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Fail(InstallHint);
        }

        // Belt and braces: nothing in these tests installs browsers, and nothing may.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Args,
            Timeout = 60_000,
        });
        return (playwright, browser);
    }
}
