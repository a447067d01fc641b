using MixFleet.Analysis.Defects;
using MixFleet.Analysis.Tests.Support;

namespace MixFleet.Analysis.Tests.Defects;

/// <summary>
/// The defect detectors on real music (Support/RealMusic: 15 s of a dense metal mix at about -10 LUFS): clean, it has
/// no click, abrupt or channel finding; clicks, cuts, L=R and L=-R made at known places are found there. The wider
/// validation (3.3 hours of real music, detection by click level) is bench/defects-real-music.sh's, in
/// docs/track-metrics.md.
/// </summary>
public sealed class RealMusicTests
{
    private static readonly string[] ChannelKinds = [DefectKinds.Click, DefectKinds.AbruptStart, DefectKinds.AbruptEnd, DefectKinds.DualMono, DefectKinds.Polarity];

    [Fact]
    public void CleanExcerpt_HasNoClickAbruptOrChannelFinding()
    {
        var (channels, rate) = RealMusic.Load();

        var analysis = Meter.Analyze(channels, rate);

        Assert.True(analysis.Loudness.IntegratedLufs > -12, $"the excerpt is a loud master: {analysis.Loudness.IntegratedLufs:0.0} LUFS");
        foreach (var kind in ChannelKinds)
        {
            Assert.True(analysis.Defects!.Totals[kind] == 0, $"{kind}: {string.Join("; ", analysis.Defects.Items)}");
        }
    }

    [Fact]
    public void ClicksInsertedAtKnownSamples_FoundAtTheirTimeAndNothingElse()
    {
        // Ten one-sample spikes at -3 dBFS (random signs), 1.25-1.3 s apart at seeded frames, alternately in the left
        // and right channel. Under this mix's crash cymbals the residual peaks at 0.4 (a 0.5 spike stands 8 dB above
        // it, short of the 9 dB margin): what the detector finds at lower levels across 3.3 hours of real music is
        // measured by bench/defects-real-music.sh (docs/track-metrics.md).
        var (channels, rate) = RealMusic.Load();
        var random = new Random(13);
        var inserted = new List<(int Frame, int Channel)>();
        for (var i = 0; i < 10; i++)
        {
            var frame = (int)((1.0 + (1.25 * i)) * rate) + random.Next(rate / 20);
            var channel = i % 2;
            channels[channel][frame] += 0.7f * (random.Next(2) == 0 ? 1 : -1);
            inserted.Add((frame, channel));
        }

        var defects = Meter.Analyze(channels, rate).Defects!;

        var clicks = defects.Items.Where(d => d.Kind == DefectKinds.Click).ToList();
        Assert.True(inserted.Count == clicks.Count, string.Join("; ", clicks));
        foreach (var (click, (frame, channel)) in clicks.Zip(inserted))
        {
            Assert.Equal((double)frame / rate, click.AtSeconds, 0.010);
            Assert.Equal(channel, click.Channel);
        }

        Assert.All(ChannelKinds.Skip(1), kind => Assert.Equal(0, defects.Totals[kind]));
    }

    [Fact]
    public void CutFromTheMiddle_IsAbruptAtBothEnds()
    {
        // 3 s to 10 s of the excerpt, no fade: it starts and stops mid-waveform, both 1 ms edges well above -30 dBFS.
        var (channels, rate) = RealMusic.Load();
        var cut = channels.Select(x => x[(3 * rate)..(10 * rate)]).ToArray();
        var ms = rate / 1000;
        Assert.True(EdgeDbfs(cut, 0, ms) > -24, $"start at {EdgeDbfs(cut, 0, ms):0.0} dBFS");
        Assert.True(EdgeDbfs(cut, cut[0].Length - ms, ms) > -24, $"end at {EdgeDbfs(cut, cut[0].Length - ms, ms):0.0} dBFS");

        var defects = Meter.Analyze(cut, rate).Defects!;

        Assert.Equal(0, Assert.Single(defects.Items, d => d.Kind == DefectKinds.AbruptStart).AtSeconds);
        var end = Assert.Single(defects.Items, d => d.Kind == DefectKinds.AbruptEnd);
        Assert.Equal(7.0, end.AtSeconds + end.DurationSeconds, 0.010);
        Assert.Equal(0, defects.Totals[DefectKinds.Click]);
    }

    [Fact]
    public void LeftCopiedToRight_IsDualMono()
    {
        var (channels, rate) = RealMusic.Load();

        var defects = Meter.Analyze([channels[0], (float[])channels[0].Clone()], rate).Defects!;

        Assert.Contains("bit-identical", Assert.Single(defects.Items, d => d.Kind == DefectKinds.DualMono).Detail, StringComparison.Ordinal);
        Assert.Equal(0, defects.Totals[DefectKinds.Polarity]);
        Assert.Equal(0, defects.Totals[DefectKinds.Click]);
    }

    [Fact]
    public void LeftInvertedIntoRight_IsPolarity()
    {
        var (channels, rate) = RealMusic.Load();

        var defects = Meter.Analyze([channels[0], [.. channels[0].Select(v => -v)]], rate).Defects!;

        Assert.Contains("-1.000", Assert.Single(defects.Items, d => d.Kind == DefectKinds.Polarity).Detail, StringComparison.Ordinal);
        Assert.Equal(0, defects.Totals[DefectKinds.DualMono]);
        Assert.Equal(0, defects.Totals[DefectKinds.Click]);
    }

    // The louder channel's RMS over [from, from + frames), dBFS.
    private static double EdgeDbfs(float[][] channels, int from, int frames) =>
        channels.Max(x => 10 * Math.Log10(x.AsSpan(from, frames).ToArray().Average(v => (double)v * v)));
}
