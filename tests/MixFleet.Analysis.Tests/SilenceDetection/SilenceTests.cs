using MixFleet.Analysis.Tests.Support;

namespace MixFleet.Analysis.Tests.SilenceDetection;

public sealed class SilenceTests
{
    [Fact]
    public void LeadingAndTrailing_AsConstructed()
    {
        // A cosine starts and ends above -60 dBFS, so the silence is exactly the padding.
        var x = Signals.Concat(Signals.Silence(48_000, 1.5), Signals.Sine(48_000, 1_000, -20, 2, 90), Signals.Silence(48_000, 0.5));

        var silence = Meter.Analyze(Signals.Copies(x), options: new AnalysisOptions { ChunkSegments = 7 }).Silence!;

        Assert.Equal(1.5, silence.LeadingSeconds, 9);
        Assert.Equal(0.5, silence.TrailingSeconds, 9);
        Assert.Equal(0, silence.Dropouts);
    }

    [Fact]
    public void Dropouts_OnlyRunsOfTenMsOrMoreInside()
    {
        var tone = Signals.Sine(48_000, 1_000, -20, 1, 90);
        var x = Signals.Concat(tone, Signals.Silence(48_000, 0.02), tone, Signals.Silence(48_000, 0.005), tone, Signals.Silence(48_000, 0.05), tone);

        var silence = Meter.Analyze(Signals.Copies(x), options: new AnalysisOptions { ChunkSegments = 1 }).Silence!;

        Assert.Equal(2, silence.Dropouts);
        Assert.Equal(0.05, silence.LongestDropoutSeconds, 9);
        Assert.Equal(1.0, silence.DropoutStartsSeconds[0], 9);
        Assert.Equal(3.025, silence.DropoutStartsSeconds[1], 9);
    }

    [Fact]
    public void DigitalSilence_IsAllLeadingAndTrailing()
    {
        var silence = Meter.Analyze(Signals.Copies(Signals.Silence(48_000, 2))).Silence!;

        Assert.Equal(2, silence.LeadingSeconds, 9);
        Assert.Equal(0, silence.Dropouts);
    }
}
