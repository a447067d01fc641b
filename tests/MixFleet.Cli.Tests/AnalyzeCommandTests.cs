using System.Text.Json.Nodes;
using MixFleet.Cli.Tests.Support;

namespace MixFleet.Cli.Tests;

public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mixfleet-cli-").FullName;

    [Fact]
    public async Task Analyze_GoodFiles_Exits0_AndJsonCarriesTheClosedFormValues()
    {
        var album = Directory.CreateDirectory(Path.Combine(_root, "Artist", "Album")).FullName;
        WavFile.WriteSine(Path.Combine(album, "01 - Minus 23.wav"), -23, 10);
        WavFile.WriteSine(Path.Combine(album, "02 - Minus 16.wav"), -16, 10);
        var json = Path.Combine(_root, "out", "report.json");

        var (exitCode, output, error) = await CliRun.RunAsync("analyze", _root, "--json", json);

        Assert.True(exitCode == 0, error);
        var document = JsonNode.Parse(await File.ReadAllTextAsync(json))!;
        Assert.Equal("1", (string?)document["schemaVersion"]);
        Assert.False(string.IsNullOrEmpty((string?)document["analyzerVersion"]));
        var tracks = document["tracks"]!.AsArray();
        Assert.Equal(2, tracks.Count);
        var first = tracks[0]!;
        Assert.EndsWith("01 - Minus 23.wav", (string?)first["path"], StringComparison.Ordinal);
        Assert.Equal(-23.0, (double)first["loudness"]!["integratedLufs"]!, 0.1);
        Assert.Equal(-23.0, (double)first["loudness"]!["shortTermMaxLufs"]!, 0.1);
        Assert.Equal(-23.0, (double)first["peaks"]!["truePeakDbtp"]!, 0.05);
        Assert.Equal(0.0, (double)first["loudness"]!["loudnessRangeLu"]!, 0.1);
        Assert.Equal("wav", (string?)first["format"]!["container"]);
        Assert.Equal("pcm_s24le", (string?)first["format"]!["codec"]);
        Assert.Equal(48_000, (int)first["format"]!["sampleRate"]!);
        Assert.Equal(2, (int)first["format"]!["channels"]!);
        Assert.Equal(24, (int)first["format"]!["bitDepth"]!);
        Assert.Equal(10.0, (double)first["format"]!["durationSeconds"]!, 0.001);
        Assert.Null(first["error"]);
        Assert.Equal(-16.0, (double)tracks[1]!["loudness"]!["integratedLufs"]!, 0.1);
        Assert.Contains("01 - Minus 23.wav", output, StringComparison.Ordinal);
        Assert.Contains("-23.0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_OneBadFile_ReportsItsError_KeepsTheOthers_Exits3()
    {
        WavFile.WriteSine(Path.Combine(_root, "01 - good.wav"), -20, 5);
        WavFile.WriteSine(Path.Combine(_root, "02 - cut.wav"), -20, 5);
        var cut = Path.Combine(_root, "02 - cut.wav");
        var bytes = await File.ReadAllBytesAsync(cut);
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length / 2)]);
        await File.WriteAllTextAsync(Path.Combine(_root, "03 - not audio.wav"), "this is a text file, not a WAV");
        await File.WriteAllBytesAsync(Path.Combine(_root, "04 - empty.wav"), []);
        await File.WriteAllTextAsync(Path.Combine(_root, "notes.txt"), "ignored: not an audio extension");

        var (exitCode, output, _) = await CliRun.RunAsync("analyze", _root, "--json", "-");

        Assert.Equal(3, exitCode);
        var tracks = JsonNode.Parse(output)!["tracks"]!.AsArray();
        Assert.Equal(4, tracks.Count);
        Assert.Equal(-20.0, (double)tracks[0]!["loudness"]!["integratedLufs"]!, 0.1);
        Assert.True((string?)tracks[1]!["error"]!["code"] == "data-chunk-overrun", tracks[1]!.ToJsonString());
        Assert.Contains("02 - cut.wav", (string?)tracks[1]!["error"]!["message"], StringComparison.Ordinal);
        Assert.Equal("not-audio", (string?)tracks[2]!["error"]!["code"]);
        Assert.Equal("empty-file", (string?)tracks[3]!["error"]!["code"]);
        Assert.Null(tracks[3]!["loudness"]);
    }

    [Fact]
    public async Task Analyze_FileShorterThanOneBlock_HasNullLoudness_AndStillExits0()
    {
        WavFile.WriteSine(Path.Combine(_root, "blip.wav"), -10, 0.2);

        var (exitCode, output, _) = await CliRun.RunAsync("analyze", Path.Combine(_root, "blip.wav"), "--json", "-");

        Assert.Equal(0, exitCode);
        var track = JsonNode.Parse(output)!["tracks"]![0]!;
        Assert.Null(track["loudness"]!["integratedLufs"]);
        Assert.Equal(-10.0, (double)track["peaks"]!["samplePeakDbfs"]!, 0.01);
    }

    [Fact]
    public async Task Analyze_SmallestMemoryBudget_ManyFilesAtOnce_AllMeasuredToTheirClosedFormValues()
    {
        // The smallest budget the CLI accepts, shared by four files in flight: chunks for parallelism only where it has room.
        double[] levels = [-23, -20, -16, -14, -26, -18];
        for (var i = 0; i < levels.Length; i++)
        {
            WavFile.WriteSine(Path.Combine(_root, $"{i:00}.wav"), levels[i], 8);
        }

        var (exitCode, output, error) = await CliRun.RunAsync("analyze", _root, "--memory-budget", "16", "-j", "4", "--json", "-");

        Assert.True(exitCode == 0, error);
        var tracks = JsonNode.Parse(output)!["tracks"]!.AsArray();
        Assert.Equal(levels.Length, tracks.Count);
        for (var i = 0; i < levels.Length; i++)
        {
            Assert.Equal(levels[i], (double)tracks[i]!["loudness"]!["integratedLufs"]!, 0.1);
        }
    }

    [Fact]
    public async Task Analyze_MissingPath_IsAUsageError()
    {
        var (exitCode, _, error) = await CliRun.RunAsync("analyze", Path.Combine(_root, "nope"));

        Assert.Equal(2, exitCode);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_FolderWithoutAudio_IsAUsageError()
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "readme.txt"), "no audio here");

        var (exitCode, _, error) = await CliRun.RunAsync("analyze", _root);

        Assert.Equal(2, exitCode);
        Assert.Contains("no audio files", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("analyze", "--parallelism", "0", ".")]
    [InlineData("analyze", "--memory-budget", "8", ".")]
    [InlineData("frobnicate")]
    public async Task BadCommandLine_IsAUsageError(params string[] args)
    {
        var (exitCode, _, error) = await CliRun.RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Contains("error", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
