using Microsoft.Playwright;

namespace ECms.DevHub.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright's bundled driver; nothing is downloaded (the approach of the reports tests).
/// One browser per test fixture: start-up is the slow part.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic",
    ];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Fail($"Debian's Chromium is needed at {ExecutablePath}: apt-get install -y chromium fonts-noto-core");
        }

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
