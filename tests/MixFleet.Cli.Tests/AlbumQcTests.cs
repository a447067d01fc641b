using MixFleet.Testing;
using System.Globalization;
using System.Text.Json.Nodes;
using MixFleet.Cli.Tests.Support;

namespace MixFleet.Cli.Tests;

public sealed class AlbumQcTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mixfleet-albums-").FullName;

    [Fact]
    public async Task Profile_TrackOutsideTheTarget_FailsTheGate_Exits1_AndWritesJsonCsvHtml()
    {
        var album = Directory.CreateDirectory(Path.Combine(_root, "Album")).FullName;
        WavFile.WriteSine(Path.Combine(album, "01 - On target.wav"), -14, 6);
        WavFile.WriteSine(Path.Combine(album, "02 - Too quiet.wav"), -23, 6);
        var (json, csv, html) = (Path.Combine(_root, "r.json"), Path.Combine(_root, "r.csv"), Path.Combine(_root, "r.html"));

        var (exitCode, output, error) = await CliRun.RunAsync("analyze", album, "--profile", "streaming", "--json", json, "--csv", csv, "--html", html);

        Assert.True(exitCode == 1, error + output);
        var document = JsonNode.Parse(await File.ReadAllTextAsync(json))!;
        Assert.Equal("streaming", (string?)document["profile"]);
        var albumNode = document["albums"]![0]!;
        Assert.Equal("fail", (string?)albumNode["status"]);
        Assert.Equal([1, 2], albumNode["tracks"]!.AsArray().Select(t => (int)t!["number"]!));
        Assert.Contains(albumNode["tracks"]![1]!["verdicts"]!.AsArray(), v => (string?)v!["rule"] == "loudness" && (string?)v["status"] == "fail");
        Assert.StartsWith("kind,album,path", await File.ReadAllTextAsync(csv), StringComparison.Ordinal);
        Assert.Contains("<svg class=\"plot album-overview\"", await File.ReadAllTextAsync(html), StringComparison.Ordinal);
        Assert.Contains("Albums — profile streaming", output, StringComparison.Ordinal);
        Assert.Contains("8.0 LU too quiet", output, StringComparison.Ordinal);
        Assert.Contains("QC failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlbumGainMode_LoudestTrack_ProposesOneGainFromTheLoudestTrack_InJsonCsvHtmlAndTheSummary()
    {
        // Stereo 1 kHz sines: X dBFS peak reads X LUFS and about X dBTP. Loudest track -10 LUFS → album gain -4 dB;
        // the -18 LUFS track's own fix is +4 dB (true peak -18 + 4 = -14 dBTP, no limiting).
        WavFile.WriteSine(Path.Combine(_root, "01 - loud.wav"), -10, 5);
        WavFile.WriteSine(Path.Combine(_root, "02 - quiet.wav"), -18, 5);
        var (csv, html) = (Path.Combine(_root, "r.csv"), Path.Combine(_root, "r.html"));

        var (_, output, error) = await CliRun.RunAsync("analyze", _root, "--profile", "streaming", "--album-gain-mode", "loudest-track", "--json", "-", "--csv", csv, "--html", html);
        var (_, table, _) = await CliRun.RunAsync("analyze", _root, "--profile", "streaming", "--album-gain-mode", "loudest-track");

        var album = JsonNode.Parse(output)!["albums"]![0]!;
        Assert.True(album["fix"] is not null, error);
        Assert.Equal("loudest-track", (string?)album["fix"]!["mode"]);
        Assert.Equal(-4.0, (double)album["fix"]!["gainDb"]!, 0.05);
        Assert.Equal(4.0, (double)album["tracks"]![1]!["fix"]!["gainDb"]!, 0.05);
        Assert.Equal(-14.0, (double)album["tracks"]![1]!["fix"]!["resultingTruePeakDbtp"]!, 0.1);
        Assert.False((bool)album["tracks"]![1]!["fix"]!["needsLimiting"]!);
        Assert.Equal(-22.0, (double)album["tracks"]![1]!["albumFix"]!["resultingLufs"]!, 0.05);
        Assert.Contains(",fix_gain_db,fix_true_peak_dbtp,needs_limiting,", await File.ReadAllTextAsync(csv), StringComparison.Ordinal);
        Assert.Contains("Proposed fix (loudest-track mode", await File.ReadAllTextAsync(html), StringComparison.Ordinal);
        Assert.Contains("Proposed fix", table, StringComparison.Ordinal);
        // The proposed-fix table's album row: the mode, then the one album gain (the summary cell may wrap; this row does not).
        Assert.Matches(@"loudest-track mode, -10\.0 → -14\.0 LUFS\)[^\n]*-4\.0", table);
    }

    [Fact]
    public async Task AlbumGainMode_Unknown_IsAUsageError()
    {
        WavFile.WriteSine(Path.Combine(_root, "01 - a.wav"), -14, 1);

        var (exitCode, _, error) = await CliRun.RunAsync("analyze", _root, "--album-gain-mode", "loudest");

        Assert.Equal(2, exitCode);
        Assert.Contains("loudest-track", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_AllPassOrWarn_Exits0()
    {
        WavFile.WriteSine(Path.Combine(_root, "01 - a.wav"), -23, 5);
        WavFile.WriteSine(Path.Combine(_root, "02 - b.wav"), -23.2, 5);

        var (exitCode, output, _) = await CliRun.RunAsync("analyze", _root, "--profile", "ebu-r128");

        Assert.True(exitCode == 0, output);
        Assert.Contains("isrc", output, StringComparison.Ordinal);   // a warning, shown but not failing
    }

    [Fact]
    public async Task UnreadableFile_Exits3_EvenWhenRulesFail()
    {
        WavFile.WriteSine(Path.Combine(_root, "01 - loud.wav"), -6, 5);
        await File.WriteAllTextAsync(Path.Combine(_root, "02 - text.wav"), "not audio");

        var (exitCode, output, _) = await CliRun.RunAsync("analyze", _root, "--profile", "streaming", "--json", "-");

        Assert.Equal(3, exitCode);
        var tracks = JsonNode.Parse(output)!["albums"]![0]!["tracks"]!.AsArray();
        Assert.Equal("not-audio", (string?)tracks[1]!["errorCode"]);
        Assert.Equal("fail", (string?)tracks[1]!["status"]);
    }

    [Fact]
    public async Task CustomProfileFile_IsUsed()
    {
        var profile = Path.Combine(_root, "p.yaml");
        await File.WriteAllTextAsync(profile, "name: quiet-label\nminLufs: -30\nmaxLufs: -20\n");
        var music = Directory.CreateDirectory(Path.Combine(_root, "m")).FullName;
        WavFile.WriteSine(Path.Combine(music, "01 - a.wav"), -25, 5);

        var (exitCode, output, error) = await CliRun.RunAsync("analyze", music, "--profile", profile, "--csv", "-");

        Assert.True(exitCode == 0, error);
        Assert.StartsWith("kind,album,path", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("spotify", "neither a built-in profile")]
    [InlineData("bad.yaml", "'toleranceLu' needs 'targetLufs'")]
    public async Task BadProfile_IsAUsageError_WithTheReason(string profile, string expected)
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "bad.yaml"), "name: bad\ntoleranceLu: 1\n");
        WavFile.WriteSine(Path.Combine(_root, "01.wav"), -14, 1);
        var path = profile.EndsWith(".yaml", StringComparison.Ordinal) ? Path.Combine(_root, profile) : profile;

        var (exitCode, _, error) = await CliRun.RunAsync("analyze", _root, "--profile", path);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    /// <summary>
    /// Album loudness from the pooled per-track blocks agrees with libebur128's album mode (loudgain -a) within 0.05 LU,
    /// on an album of noise tracks of different levels, colours and lengths, written by ffmpeg.
    /// </summary>
    [Fact]
    public async Task AlbumLoudness_AgreesWithLoudgainAlbumMode()
    {
        var album = Directory.CreateDirectory(Path.Combine(_root, "generated")).FullName;
        string[] sources =
        [
            "anoisesrc=color=pink:amplitude=0.5:seed=1:sample_rate=44100:duration=9,volume='0.3+0.7*abs(sin(2*PI*0.2*t))':eval=frame,pan=stereo|c0=c0|c1=0.8*c0",
            "anoisesrc=color=brown:amplitude=0.2:seed=2:sample_rate=44100:duration=5,pan=stereo|c0=c0|c1=c0",
            "anoisesrc=color=white:amplitude=0.05:seed=3:sample_rate=44100:duration=12,lowpass=4000,pan=stereo|c0=c0|c1=0.6*c0",
            "anoisesrc=color=pink:amplitude=0.9:seed=4:sample_rate=44100:duration=4,pan=stereo|c0=c0|c1=c0",
        ];
        for (var i = 0; i < sources.Length; i++)
        {
            ExternalTool.Run("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", sources[i], "-c:a", "pcm_f32le", Path.Combine(album, $"{i + 1:00} - noise.wav"));
        }

        var files = Directory.GetFiles(album, "*.wav").Order(StringComparer.Ordinal).ToArray();
        var loudgain = ExternalTool.Run("loudgain", ["-a", "-q", "-O", .. files]);
        var albumRow = loudgain.Split('\n').First(l => l.StartsWith("Album", StringComparison.Ordinal)).Split('\t');
        var reference = double.Parse(albumRow[1].Split(' ')[0], CultureInfo.InvariantCulture);

        var (exitCode, output, error) = await CliRun.RunAsync("analyze", album, "--json", "-");

        Assert.True(exitCode == 0, error);
        var ours = (double)JsonNode.Parse(output)!["albums"]![0]!["loudness"]!["integratedLufs"]!;
        // loudgain prints 0.01 LU and our report rounds to 0.01: allow both roundings on top of the 0.05 LU target.
        Assert.True(Math.Abs(ours - reference) <= 0.06, $"album loudness {ours} vs loudgain -a {reference}");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
