using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MixFleet.Integration.Tests.Support;
using MixFleet.Testing;

namespace MixFleet.Integration.Tests.Dashboard;

/// <summary>
/// The dashboard in a real browser (Debian's chromium, headless, through Playwright) against the real ingestion service
/// on a loopback port, a worker in process, and the real PostgreSQL, RabbitMQ and s3rver: log in, start a scan, watch it
/// complete live, open the album, see its failing rule, log out. Each page is saved as a screenshot under
/// <c>screenshots/</c> in the test output.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class DashboardBrowserTests
{
    private const string Album = "label/artist/dashboard album/";
    private static readonly float Timeout = (float)Poll.DefaultTimeout.TotalMilliseconds;

    [Fact]
    public async Task Qc_manager_logs_in_scans_watches_the_job_complete_sees_the_failing_rule_and_logs_out()
    {
        await using var run = await FleetRun.StartAsync(kestrel: true);
        // 0 dBFS peaks fail the streaming profile's true-peak rule (≤ -1 dBTP); the corrupt file cannot be analyzed.
        await run.UploadAsync(Album + "01 - too hot.wav", Wav.Sine(-0.1, seconds: 3));
        await run.UploadAsync(Album + "02 - fine.wav", Wav.Sine(-16, seconds: 3));
        await run.UploadAsync(Album + "03 - corrupt.wav", Wav.Corrupt());
        var shots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        if (Directory.Exists(shots))
        {
            Directory.Delete(shots, recursive: true);
        }

        Directory.CreateDirectory(shots);
        var origin = run.Ingestion.BaseAddress.ToString().TrimEnd('/');

        var (playwright, browser) = await SystemChromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);

        // Not logged in: the dashboard sends the browser to the login form.
        await page.GotoAsync(origin + "/dashboard");
        Assert.StartsWith(origin + "/dashboard/login", page.Url, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "1-login.png") });

        // A wrong token is refused; the ingestion token logs in.
        await page.GetByLabel("Password or token").FillAsync("not-the-token-0123456789");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        Assert.Equal("Those credentials are not valid.", await page.Locator("#login-error").InnerTextAsync());
        await page.GetByLabel("Password or token").FillAsync(RealIngestion.Token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await page.WaitForURLAsync(origin + "/dashboard");
        Assert.Equal("token", await page.GetByTestId("user").InnerTextAsync());
        var session = Assert.Single(await context.CookiesAsync(), c => c.Name == "mixfleet.session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);

        // The session opens the dashboard only: the /v1 API still wants its bearer token.
        var api = await context.APIRequest.GetAsync(origin + "/v1/jobs");
        Assert.Equal(401, api.Status);

        // Start a scan from the form.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Start a scan" }).ClickAsync();
        await page.GetByLabel("Bucket").FillAsync(run.SourceBucket);
        await page.GetByLabel("Prefix").FillAsync("label/artist/");
        await page.GetByLabel("QC profile").SelectOptionAsync("streaming");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "2-scan.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Start scan" }).ClickAsync();
        await page.WaitForURLAsync(JobUrl());
        var jobId = Guid.Parse(JobUrl().Match(page.Url).Groups["id"].Value);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "3-job-started.png"), FullPage = true });

        // The page follows the job live (server-sent events) and reloads with the results once it completes.
        await Assertions.Expect(page.Locator("[data-live=state]")).ToHaveTextAsync("completed", new() { Timeout = Timeout });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Warnings and failures" })).ToBeVisibleAsync();
        Assert.Equal("3", await page.Locator("[data-live=total]").InnerTextAsync());
        Assert.Equal("2", await page.Locator("[data-live=analyzed]").InnerTextAsync());
        Assert.Equal("1", await page.Locator("[data-live=failed]").InnerTextAsync());
        var truePeakRow = page.Locator("#findings ~ .table-wrap tr", new() { HasText = "01 - too hot.wav" }).Filter(new() { HasText = "true-peak" });
        await Assertions.Expect(truePeakRow).ToHaveCountAsync(1);
        Assert.Contains("fail", await truePeakRow.Locator(".badge").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "4-job.png"), FullPage = true });

        // The jobs page lists it completed at 100 %.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Jobs", Exact = true }).ClickAsync();
        var jobRow = page.Locator($"tr[data-job='{jobId:D}']");
        await Assertions.Expect(jobRow.Locator(".badge")).ToHaveTextAsync("completed");
        Assert.Equal("100", await jobRow.Locator("progress").GetAttributeAsync("value"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "5-jobs.png") });

        // The album: its failing rule, and its HTML report read through the service, sandboxed.
        await page.GotoAsync($"{origin}/dashboard/jobs/{jobId:D}");
        await page.GetByRole(AriaRole.Link, new() { Name = Album }).First.ClickAsync();
        Assert.Equal("fail", await page.GetByTestId("album-status").InnerTextAsync());
        var failing = page.Locator("tr[data-rule='true-peak'][data-status='fail']");
        await Assertions.Expect(failing).ToHaveCountAsync(1);
        StringAssert(await failing.InnerTextAsync(), "01 - too hot.wav", "dBTP");
        await Assertions.Expect(page.Locator("tr[data-rule='analyzed'][data-status='fail']")).ToContainTextAsync("invalid-header");
        var frame = page.FrameLocator("iframe.report");
        await Assertions.Expect(frame.Locator("h1")).ToHaveTextAsync("MixFleet report");
        var report = await context.APIRequest.GetAsync(await page.Locator("iframe.report").GetAttributeAsync("src") is { } src ? origin + src : "");
        Assert.Equal(200, report.Status);
        Assert.StartsWith("sandbox;", report.Headers["content-security-policy"], StringComparison.Ordinal);
        // The frame paints after its document loads, and not while it is off screen: bring it into view and wait for an
        // animation frame of its own (WaitForFunction polls on requestAnimationFrame) before the screenshots.
        await page.Locator("iframe.report").ScrollIntoViewIfNeededAsync();
        var reportFrame = await (await page.Locator("iframe.report").ElementHandleAsync()).ContentFrameAsync();
        await reportFrame!.WaitForFunctionAsync("() => document.readyState === 'complete'", null, new() { Timeout = Timeout });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "6b-album-report.png") });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "6-album.png"), FullPage = true });

        // A phone-sized window: the job page reflows (screenshot only; the layout is CSS).
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"{origin}/dashboard/jobs/{jobId:D}?failing=true");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "6c-job-narrow.png"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 800);

        // Log out: the session ends, and the job page asks for a login again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You are logged out.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "7-logged-out.png") });
        await page.GotoAsync($"{origin}/dashboard/jobs/{jobId:D}");
        Assert.StartsWith(origin + "/dashboard/login", page.Url, StringComparison.Ordinal);
    }

    private static void StringAssert(string text, params string[] parts)
    {
        foreach (var part in parts)
        {
            Assert.Contains(part, text, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("/dashboard/jobs/(?<id>[0-9a-f-]{36})$")]
    private static partial Regex JobUrl();
}
