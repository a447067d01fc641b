using MixFleet.Analysis.Defects;
using MixFleet.Analysis.Tests.Support;

namespace MixFleet.Analysis.Tests.Defects;

public sealed class EdgeAndChannelTests
{
    private const int Rate = 48_000;

    [Fact]
    public void CutStartAndEnd_AreAbrupt()
    {
        // A 997 Hz sine at -10 dBFS starting at 90° (full amplitude on the first sample) and stopping mid-cycle.
        var x = Signals.Sine(Rate, 997, -10, 2.0, 90);

        var defects = Meter.Analyze([x, x], Rate).Defects!;

        var start = Assert.Single(defects.Items, d => d.Kind == DefectKinds.AbruptStart);
        Assert.Equal(0, start.AtSeconds);
        Assert.Null(start.Channel);
        var end = Assert.Single(defects.Items, d => d.Kind == DefectKinds.AbruptEnd);
        Assert.Equal(2.0, end.AtSeconds + end.DurationSeconds, 0.010);
    }

    [Fact]
    public void FadedMusic_HasNoClickAbruptOrChannelFinding()
    {
        // A clean master: the loud constructed one, decorrelated channels, with 20 ms fades at both ends.
        var master = LoudMaster.Make(Rate, 3, 11);
        foreach (var x in master)
        {
            var fade = Rate / 50;
            for (var i = 0; i < fade; i++)
            {
                x[i] *= (float)i / fade;
                x[^(i + 1)] *= (float)i / fade;
            }
        }

        var defects = Meter.Analyze(master, Rate).Defects!;

        foreach (var kind in new[] { DefectKinds.Click, DefectKinds.AbruptStart, DefectKinds.AbruptEnd, DefectKinds.DualMono, DefectKinds.Polarity, DefectKinds.DcOffset })
        {
            Assert.True(defects.Totals[kind] == 0, $"{kind}: {string.Join("; ", defects.Items)}");
        }
    }

    [Fact]
    public void IdenticalChannels_AreDualMono()
    {
        // Slow Swell's channels are bit-identical in the file itself.
        var (channels, rate) = DemoAlbum.Load(DemoAlbum.Tracks[0]);
        Assert.Equal(channels[0], channels[1]);

        var defects = Meter.Analyze(channels, rate).Defects!;

        var dual = Assert.Single(defects.Items, d => d.Kind == DefectKinds.DualMono);
        Assert.Equal(6.0, dual.DurationSeconds, 0.001);
        Assert.Contains("bit-identical", dual.Detail, StringComparison.Ordinal);
        Assert.Equal(0, defects.Totals[DefectKinds.Polarity]);
    }

    [Fact]
    public void ChannelsWithin90DbOfEachOther_AreDualMono_AndLouderDifferenceIsNot()
    {
        var left = Signals.PinkNoise(3, Rate * 2, 0.5);
        var tiny = Signals.Noise(4, left.Length, 1e-6);
        var audible = Signals.Noise(4, left.Length, 1e-3);

        var near = Meter.Analyze([left, [.. left.Select((v, i) => v + tiny[i])]], Rate).Defects!;
        var far = Meter.Analyze([left, [.. left.Select((v, i) => v + audible[i])]], Rate).Defects!;

        Assert.Equal(1, near.Totals[DefectKinds.DualMono]);
        Assert.Equal(0, far.Totals[DefectKinds.DualMono]);
    }

    [Fact]
    public void InvertedChannel_IsPolarity()
    {
        var left = Signals.PinkNoise(5, Rate * 2, 0.5);
        var right = left.Select(v => -v).ToArray();

        var defects = Meter.Analyze([left, right], Rate).Defects!;

        var polarity = Assert.Single(defects.Items, d => d.Kind == DefectKinds.Polarity);
        Assert.Contains("-1.000", polarity.Detail, StringComparison.Ordinal);
        Assert.Equal(0, defects.Totals[DefectKinds.DualMono]);
    }

    [Fact]
    public void DcOffset_OnlyTheOffsetChannel()
    {
        // -34 dBFS of DC (0.02) on the right channel, -46 dBFS (0.005) on the left: only the right is over -40 dBFS.
        var x = Signals.PinkNoise(6, Rate, 0.3);
        var defects = Meter.Analyze([[.. x.Select(v => v + 0.005f)], [.. x.Select(v => -v + 0.02f)]], Rate).Defects!;

        var dc = Assert.Single(defects.Items, d => d.Kind == DefectKinds.DcOffset);
        Assert.Equal(1, dc.Channel);
    }

    [Fact]
    public void InterSampleOverBurst_ListedAtItsTime_AgainstTheCeiling()
    {
        // Quiet music (-20 dBFS sine) with a 20 ms burst of fs/4 at 45°, amplitude 0.95 (samples ±0.67, reconstructed
        // peak 0.95 = -0.45 dBTP) at 1.500 s: over a -1 dBTP ceiling, not over 0 dBTP.
        var x = Signals.Sine(Rate, 440, -20, 3);
        var burst = Signals.SineAmplitude(Rate, 12_000, 0.95, 0.02, 45);
        burst.CopyTo(x, 72_000);

        var atMinus1 = Meter.Analyze([x], Rate, options: new AnalysisOptions { OverCeilingDbtp = -1, ChunkSegments = 7 }).Defects!;
        var at0 = Meter.Analyze([x], Rate, options: new AnalysisOptions { OverCeilingDbtp = 0 }).Defects!;

        var over = Assert.Single(atMinus1.Items, d => d.Kind == DefectKinds.InterSampleOver);
        Assert.Equal(1.5, over.AtSeconds, 0.010);
        Assert.Equal(0.02, over.DurationSeconds, 0.010);
        Assert.Equal(-1, atMinus1.OverCeilingDbtp);
        Assert.Equal(0, at0.Totals[DefectKinds.InterSampleOver]);
    }

    [Fact]
    public void DropoutsAndClippedRuns_AreDefectsWithTheirPlaceAndLength()
    {
        var x = Signals.Sine(Rate, 440, -6, 2);
        Array.Clear(x, 48_000, 960);
        Array.Fill(x, 1f, 72_000, 5);

        var defects = Meter.Analyze([x], Rate).Defects!;

        var dropout = Assert.Single(defects.Items, d => d.Kind == DefectKinds.Dropout);
        Assert.Equal(1.0, dropout.AtSeconds, 0.001);
        Assert.Equal(0.020, dropout.DurationSeconds, 0.001);
        var clip = Assert.Single(defects.Items, d => d.Kind == DefectKinds.Clipping);
        Assert.Equal(1.5, clip.AtSeconds, 0.001);
        Assert.Equal(0, clip.Channel);
    }
}
