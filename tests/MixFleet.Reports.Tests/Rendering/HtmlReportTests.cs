using System.Diagnostics;
using System.Text.RegularExpressions;
using MixFleet.Reports.Qc;
using MixFleet.Reports.Rendering;
using MixFleet.Reports.Tests.Support;

namespace MixFleet.Reports.Tests.Rendering;

/// <summary>
/// The HTML report is one self-contained file, and it renders in headless Chromium (Debian's <c>chromium</c>, installed
/// by scripts/test.sh) with every plot present and no console error.
/// </summary>
public sealed partial class HtmlReportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mixfleet-html-").FullName;

    [Fact]
    public void Html_IsSelfContained_NoScriptNoNetwork_EveryVerdictListed()
    {
        var report = SampleRun.Document(QcProfiles.Streaming);

        var html = HtmlReport.Render(report, QcProfiles.Streaming);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        // The only URL is the SVG namespace, which is never fetched.
        Assert.DoesNotContain(Urls().Matches(html), m => m.Value != "http://www.w3.org/2000/svg");
        var verdicts = report.Albums.Sum(a => a.Verdicts.Count + a.Tracks.Sum(t => t.Verdicts.Count));
        Assert.Equal(verdicts, VerdictRows().Count(html));
        Assert.Contains("Opener, &quot;live&quot;", html, StringComparison.Ordinal);
        Assert.Contains("spectrum not measured", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_RendersInHeadlessChromium_WithThePlots_AndNoConsoleError()
    {
        var report = SampleRun.Document(QcProfiles.Streaming);
        var path = Path.Combine(_folder, "report.html");
        File.WriteAllText(path, HtmlReport.Render(report, QcProfiles.Streaming));

        var (dom, log) = Chromium("--dump-dom", new Uri(path).AbsoluteUri);

        Assert.Equal(report.Albums.Count, Regex.Count(dom, "<svg class=\"plot album-overview\""));
        var tracks = report.Albums.Sum(a => a.Tracks.Count);
        Assert.Equal(tracks, Regex.Count(dom, "<svg class=\"plot loudness-over-time\""));
        Assert.Equal(tracks, Regex.Count(dom, "<svg class=\"plot spectrum\""));
        Assert.True(Regex.Count(dom, "<rect class=\"bar") >= 4, "loudness bars");
        Assert.Contains("class=\"target-line\"", dom, StringComparison.Ordinal);
        Assert.Contains("class=\"tp-marker\"", dom, StringComparison.Ordinal);
        Assert.Contains("<polyline class=\"series\"", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("Uncaught", log, StringComparison.Ordinal);
        Assert.DoesNotContain("ERROR:CONSOLE", log, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (string Stdout, string Stderr) Chromium(params string[] arguments)
    {
        var start = new ProcessStartInfo("chromium") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", $"--user-data-dir={Path.Combine(_folder, "profile")}", "--enable-logging=stderr", "--v=0",
        }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start (scripts/test.sh installs it)");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish");
        }

        return (stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex Urls();

    [GeneratedRegex("<tr class=\"verdict ")]
    private static partial Regex VerdictRows();
}
