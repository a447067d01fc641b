using Microsoft.Playwright;

namespace MixFleet.Integration.Tests.Support;

/// <summary>
/// Debian's chromium, headless, driven by Playwright for .NET through <c>LaunchOptions.ExecutablePath</c>: Playwright's
/// driver ships in its NuGet package and no browser is downloaded (<c>scripts/test.sh</c> installs chromium).
/// <c>MIXFLEET_CHROMIUM</c> names another binary.
/// </summary>
internal static class SystemChromium
{
    public const string Variable = "MIXFLEET_CHROMIUM";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var path = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            Assert.Fail($"No chromium at {path}: install Debian's chromium (bash scripts/test.sh does) or set {Variable}.");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            // --no-sandbox: tests run as root in CI, where chromium's own sandbox refuses to start.
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = path, Headless = true, Args = ["--no-sandbox"] });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
