using System.Text.Json;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using MixFleet.Cli.Tests.Support;
using MixFleet.Contracts.V1;
using MixFleet.Jobs.Store;

namespace MixFleet.Cli.Tests;

/// <summary><c>mixfleet scan</c> and <c>mixfleet job</c> against the real ingestion service, run in-process.</summary>
public sealed class FleetCommandTests(IngestionService service) : IClassFixture<IngestionService>
{
    private const string Source = "masters";
    private const string Interval = "0.05";
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Scan_NoWait_PrintsTheJobIdAndPublishesOneAnalyzeTrackPerAudioObject()
    {
        PutAlbum("no-wait/Album/", tracks: 3);

        var (exitCode, output, error) = await Scan("s3://masters/no-wait/", "--no-wait");

        Assert.True(exitCode == 0, error);
        var jobId = Guid.Parse(output.Trim());
        var published = await PublishedAsync(m => m.JobId == jobId, count: 3);
        Assert.Equal(["no-wait/Album/01 - Song.wav", "no-wait/Album/02 - Song.wav", "no-wait/Album/03 - Song.wav"], published.Select(m => m.Source.Key).Order(StringComparer.Ordinal));
        Assert.All(published, m => Assert.Equal(Source, m.Source.Bucket));
    }

    [Fact]
    public async Task Scan_Wait_OneTrackReportedWithAnError_ExitsThreeWithTheCountsAndAlbumReport()
    {
        PutAlbum("wait/Album/", tracks: 3);

        var run = Scan("s3://masters/wait/", "--profile", "ebu-r128");
        var published = await PublishedAsync(m => m.Source.Key.StartsWith("wait/", StringComparison.Ordinal), count: 3);
        Assert.All(published, m => Assert.Equal("ebu-r128", m.Profile));
        var albumReport = $"reports/albums/{Source}/wait/Album/album.json";
        // The worker's side, straight on the job store: the outcomes settle, the album is claimed and written.
        var outcome = await service.Services.GetRequiredService<MixFleet.Jobs.Store.SettlementStore>().SettleAsync(
            published.Select((m, i) => new MixFleet.Jobs.Store.TrackSettlement(m.Source.Bucket, m.Source.Key, m.Source.ETag, Failed: i == 0, m.Source.ETag, "v", i == 0 ? "unsupported-format" : null)).ToList(),
            CancellationToken.None);
        var claim = Assert.Single(outcome.Claims);
        await service.Services.GetRequiredService<MixFleet.Jobs.Store.AlbumStore>().MarkWrittenAsync(claim.JobId, claim.AlbumKey, "pass", albumReport, CancellationToken.None);

        var (exitCode, output, error) = await run.WaitAsync(_timeout);

        Assert.True(exitCode == 3, $"exit {exitCode}: {error}");
        Assert.Equal(published[0].JobId, Guid.Parse(output.Split('\n')[0].Trim()));
        Assert.Contains("2 of 3 track(s) analyzed, 1 failed; 1 album report(s).", output, StringComparison.Ordinal);
        Assert.Contains(albumReport, output, StringComparison.Ordinal);
        Assert.Contains("[3/3] analyzed 2, failed 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WrongToken_ExitsFourSayingSoWithoutPrintingTheToken()
    {
        const string wrong = "wrong-token-do-not-print-me";

        var (exitCode, output, error) = await service.RunCliAsync("scan", "s3://masters/any/", "--ingestion", IngestionService.Url, "--token", wrong, "--no-wait");

        Assert.Equal(4, exitCode);
        Assert.Contains("the ingestion service rejected the token", error, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_UnknownProfile_ExitsFourWithTheServicesDetail()
    {
        var (exitCode, _, error) = await Scan("s3://masters/any/", "--profile", "no-such-profile", "--no-wait");

        Assert.Equal(4, exitCode);
        Assert.Contains("Unknown profile 'no-such-profile'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3:/x")]
    [InlineData("http://masters/x")]
    [InlineData("s3://")]
    public async Task Scan_NotAnS3Location_ExitsTwo(string location)
    {
        var (exitCode, _, error) = await Scan(location, "--no-wait");

        Assert.Equal(2, exitCode);
        Assert.Contains("is not an S3 location", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WithoutIngestion_ExitsTwo()
    {
        var (exitCode, _, error) = await service.RunCliAsync("scan", "s3://masters/x/", "--token", IngestionService.Token);

        Assert.Equal(2, exitCode);
        Assert.Contains("--ingestion", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Job_UnknownId_ExitsFourWithTheNotFoundDetail()
    {
        var id = Guid.CreateVersion7();

        var (exitCode, _, error) = await service.RunCliAsync("job", id.ToString("D"), "--ingestion", IngestionService.Url, "--token", IngestionService.Token);

        Assert.Equal(4, exitCode);
        Assert.Contains($"404 Not Found: No job {id:D}.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Job_RunningJob_ExitsZeroWithTheStatusAsJson()
    {
        PutAlbum("running/Album/", tracks: 2);
        var (_, scanOutput, _) = await Scan("s3://masters/running/", "--no-wait");
        var jobId = Guid.Parse(scanOutput.Trim());
        // Its commands are sent once its (single-page) listing has committed: the job is running from then on.
        await PublishedAsync(m => m.JobId == jobId, count: 2);

        var (exitCode, output, error) = await service.RunCliAsync("job", jobId.ToString("D"), "--ingestion", IngestionService.Url, "--token", IngestionService.Token, "--json", "-");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(jobId, json.RootElement.GetProperty("jobId").GetGuid());
        Assert.Equal("running", json.RootElement.GetProperty("state").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("analyzed").GetInt32());
    }

    [Fact]
    public async Task Jobs_ListsTheJobsNewestFirstAndPagesWithACursor()
    {
        PutAlbum("listed/First/", tracks: 1);
        PutAlbum("listed/Second/", tracks: 1);
        var first = Guid.Parse((await Scan("s3://masters/listed/First/", "--no-wait")).Output.Trim());
        var second = Guid.Parse((await Scan("s3://masters/listed/Second/", "--no-wait")).Output.Trim());

        var (exitCode, output, error) = await service.RunCliAsync("jobs", "--ingestion", IngestionService.Url, "--token", IngestionService.Token, "--limit", "200", "--json", "-");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        var jobs = json.RootElement.GetProperty("jobs").EnumerateArray().ToList();
        var ids = jobs.Select(j => j.GetProperty("jobId").GetGuid()).ToList();
        Assert.True(ids.IndexOf(second) is >= 0 and var at && at < ids.IndexOf(first), $"newest first: {string.Join(", ", ids)}");
        var listed = jobs.Single(j => j.GetProperty("jobId").GetGuid() == first);
        Assert.Equal("scan", listed.GetProperty("kind").GetString());
        Assert.Equal("masters", listed.GetProperty("bucket").GetString());
        Assert.Equal("listed/First/", listed.GetProperty("prefix").GetString());

        var (pagedExit, paged, _) = await service.RunCliAsync("jobs", "--ingestion", IngestionService.Url, "--token", IngestionService.Token, "--limit", "1");
        Assert.Equal(0, pagedExit);
        Assert.Contains("More jobs: add --cursor ", paged, StringComparison.Ordinal);
        var cursor = paged[(paged.IndexOf("--cursor ", StringComparison.Ordinal) + "--cursor ".Length)..].Trim();
        var (nextExit, next, nextError) = await service.RunCliAsync("jobs", "--ingestion", IngestionService.Url, "--token", IngestionService.Token, "--limit", "1", "--cursor", cursor, "--json", "-");
        Assert.True(nextExit == 0, nextError);
        using var nextJson = JsonDocument.Parse(next);
        Assert.Equal(ids[1], Assert.Single(nextJson.RootElement.GetProperty("jobs").EnumerateArray()).GetProperty("jobId").GetGuid());
    }

    [Fact]
    public async Task Jobs_UnknownState_ExitsTwoBeforeAskingTheService()
    {
        var (exitCode, _, error) = await service.RunCliAsync("jobs", "--ingestion", IngestionService.Url, "--token", IngestionService.Token, "--state", "done");

        Assert.Equal(2, exitCode);
        Assert.Contains("done", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redrive_SendsTheStrandedTrackAgain_GiveUp_RecordsItAsFailed()
    {
        PutAlbum("stranded/Album/", tracks: 2);
        var (_, scanOutput, _) = await Scan("s3://masters/stranded/", "--no-wait");
        var jobId = Guid.Parse(scanOutput.Trim());
        var sent = await PublishedAsync(m => m.JobId == jobId, count: 2);
        var stranded = sent[0].Source;
        var strandedWork = service.Services.GetRequiredService<StrandedWork>();
        // What the job-faults consumer does when that track's command ends in a worker's error queue.
        Assert.Equal(1, await strandedWork.StrandAsync(stranded.Bucket, stranded.Key, stranded.ETag, CancellationToken.None));
        Assert.Equal(1, (await JobJsonAsync(jobId)).GetProperty("failedTransient").GetInt32());
        var (_, table, _) = await service.RunCliAsync("job", jobId.ToString("D"), "--ingestion", IngestionService.Url, "--token", IngestionService.Token);
        Assert.Contains($"mixfleet redrive {jobId:D}", table.ReplaceLineEndings(" "), StringComparison.Ordinal);

        var (redriveExit, redriveOutput, redriveError) = await service.RunCliAsync("redrive", jobId.ToString("D"), "--ingestion", IngestionService.Url, "--token", IngestionService.Token);

        Assert.True(redriveExit == 0, redriveError);
        Assert.Equal($"job {jobId:D}: 1 stranded track sent to the workers again", redriveOutput.Trim());
        await PublishedAsync(m => m.JobId == jobId && m.Source.Key == stranded.Key, count: 2);
        var afterRedrive = await JobJsonAsync(jobId);
        Assert.Equal(0, afterRedrive.GetProperty("failedTransient").GetInt32());
        Assert.Equal(0, afterRedrive.GetProperty("analyzed").GetInt32() + afterRedrive.GetProperty("failed").GetInt32());

        await strandedWork.StrandAsync(stranded.Bucket, stranded.Key, stranded.ETag, CancellationToken.None);
        var (giveUpExit, giveUpOutput, giveUpError) = await service.RunCliAsync("give-up", jobId.ToString("D"), "--ingestion", IngestionService.Url, "--token", IngestionService.Token);

        Assert.True(giveUpExit == 0, giveUpError);
        Assert.Equal($"job {jobId:D}: 1 stranded track recorded as failed (gave-up)", giveUpOutput.Trim());
        var afterGiveUp = await JobJsonAsync(jobId);
        Assert.Equal(0, afterGiveUp.GetProperty("failedTransient").GetInt32());
        Assert.Equal(1, afterGiveUp.GetProperty("failed").GetInt32());
    }

    [Theory]
    [InlineData("redrive")]
    [InlineData("give-up")]
    public async Task StrandedActions_UnknownJob_ExitFourWithTheNotFoundDetail(string action)
    {
        var id = Guid.CreateVersion7();

        var (exitCode, output, error) = await service.RunCliAsync(action, id.ToString("D"), "--ingestion", IngestionService.Url, "--token", IngestionService.Token);

        Assert.Equal(4, exitCode);
        Assert.Empty(output);
        Assert.Contains($"404 Not Found: No job {id:D}.", error, StringComparison.Ordinal);
    }

    private async Task<JsonElement> JobJsonAsync(Guid jobId)
    {
        var (exitCode, output, error) = await service.RunCliAsync("job", jobId.ToString("D"), "--ingestion", IngestionService.Url, "--token", IngestionService.Token, "--json", "-");
        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        return json.RootElement.Clone();
    }

    private Task<(int ExitCode, string Output, string Error)> Scan(string location, params string[] more) =>
        service.RunCliAsync(["scan", location, "--ingestion", IngestionService.Url, "--token", IngestionService.Token, "--interval", Interval, .. more]);

    private void PutAlbum(string album, int tracks)
    {
        for (var track = 1; track <= tracks; track++)
        {
            service.Store.Put(Source, $"{album}0{track} - Song.wav");
        }

        service.Store.Put(Source, album + "cover.jpg");
    }

    /// <summary>The AnalyzeTrack commands the bus saw that match, once there are <paramref name="count"/> of them.</summary>
    private async Task<IReadOnlyList<AnalyzeTrack>> PublishedAsync(Func<AnalyzeTrack, bool> match, int count)
    {
        var harness = service.Services.GetRequiredService<ITestHarness>();
        using var deadline = new CancellationTokenSource(_timeout);
        while (true)
        {
            var published = harness.Sent.Select<AnalyzeTrack>().Select(m => m.Context.Message).Where(match).ToList();
            if (published.Count >= count)
            {
                return published;
            }

            await Task.Delay(20, deadline.Token);
        }
    }
}
