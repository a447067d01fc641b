using MixFleet.Analysis.Defects;
using MixFleet.Analysis.Tests.Support;

namespace MixFleet.Analysis.Tests.Defects;

public sealed class ClickTests
{
    [Fact]
    public void ClicksInsertedIntoMusic_EachFoundAtItsSample()
    {
        // Slow Swell (44.1 kHz stereo) with three clicks: a one-sample spike in the left channel at 1.000 s, a
        // three-sample pop in both channels at 2.500 s, a spike in the right channel at 4.250 s.
        var (channels, rate) = DemoAlbum.Load(DemoAlbum.Tracks[0]);
        channels[0][44_100] += 0.3f;
        foreach (var x in channels)
        {
            x[110_250] += 0.2f;
            x[110_251] -= 0.3f;
            x[110_252] += 0.15f;
        }

        channels[1][187_425] -= 0.3f;

        var clicks = Meter.Analyze(channels, rate).Defects!.Items.Where(d => d.Kind == DefectKinds.Click).ToList();

        Assert.Equal(3, clicks.Count);
        Assert.Equal(1.000, clicks[0].AtSeconds, 0.010);
        Assert.Equal(0, clicks[0].Channel);
        Assert.Equal(2.500, clicks[1].AtSeconds, 0.010);
        Assert.Null(clicks[1].Channel);
        Assert.Equal(4.250, clicks[2].AtSeconds, 0.010);
        Assert.Equal(1, clicks[2].Channel);
        Assert.All(clicks, c => Assert.True(c.DurationSeconds <= ClickDetector.MaxClickSeconds, c.ToString()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void DemoAlbumTracks_HaveNoClicks(int track)
    {
        var (channels, rate) = DemoAlbum.Load(DemoAlbum.Tracks[track]);

        var defects = Meter.Analyze(channels, rate).Defects!;

        Assert.Equal(0, defects.Totals[DefectKinds.Click]);
    }

    [Theory]
    [InlineData(44_100, 1)]
    [InlineData(48_000, 2)]
    [InlineData(96_000, 3)]
    public void DenseLoudMasterWithDrumTransients_HasNoClicks(int rate, int seed)
    {
        var master = LoudMaster.Make(rate, 8, seed);

        var analysis = Meter.Analyze(master, rate);

        Assert.True(analysis.Loudness.IntegratedLufs > -11, $"the master is loud: {analysis.Loudness.IntegratedLufs:0.0} LUFS");
        Assert.Equal(0, analysis.Defects!.Totals[DefectKinds.Click]);
    }

    [Fact]
    public void ClickInDenseLoudMaster_IsFound()
    {
        // The same master, with a -6 dBFS spike: loud music hides small clicks, a large one still stands out.
        const int rate = 48_000;
        var master = LoudMaster.Make(rate, 4, 7);
        master[0][150_000] += 0.5f;

        var clicks = Meter.Analyze(master, rate).Defects!.Items.Where(d => d.Kind == DefectKinds.Click).ToList();

        var click = Assert.Single(clicks);
        Assert.Equal(150_000.0 / rate, click.AtSeconds, 0.010);
        Assert.Equal(0, click.Channel);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    [InlineData(7, 3)]
    public void ClicksAtChunkBoundariesAndTrackEnd_ReportedOnceAtTheirTime(int chunkSegments, int parallelism)
    {
        // Clicks on a chunk boundary (frame 1323 = 30 ms at 44.1 kHz: a boundary for 1-, 3-segment chunks), one just
        // before the boundary at 70 ms, and one 5 ms before the end (decided by the merge from the last chunk's tail).
        const int rate = 44_100;
        var x = Signals.Sine(rate, 220, -20, 1.0);
        var frames = x.Length;
        int[] at = [1_323, 3_086, frames - 220];
        foreach (var i in at)
        {
            x[i] += 0.4f;
        }

        var single = Meter.Analyze([x], rate, options: new AnalysisOptions { ChunkSegments = 200 }).Defects!;
        var chunked = Meter.Analyze([x], rate, options: new AnalysisOptions { ChunkSegments = chunkSegments, MaxChunkParallelism = parallelism }).Defects!;

        var clicks = single.Items.Where(d => d.Kind == DefectKinds.Click).ToList();
        Assert.Equal(at.Select(i => (double)i / rate), clicks.Select(c => c.AtSeconds));
        Assert.Equal(single.Items, chunked.Items);
    }
}
