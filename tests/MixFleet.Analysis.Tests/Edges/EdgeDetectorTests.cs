using MixFleet.Analysis.Edges;
using MixFleet.Analysis.Loudness;
using MixFleet.Analysis.Tests.Support;

namespace MixFleet.Analysis.Tests.Edges;

/// <summary>
/// Fades and body loudness on constructed tracks. A stereo 1 kHz sine at X dBFS peak reads X LUFS (EBU Tech 3341), so
/// the body of a sine track is known in closed form; fades are straight lines in dB.
/// </summary>
public sealed class EdgeDetectorTests
{
    private const int Rate = 48_000;

    [Fact]
    public void FadeOut_BodyIsTheLevelBeforeTheFade_AndTheFadeIsAsLongAsDrawn()
    {
        // Down to -56 dBFS, above the -60 dBFS silence threshold: the whole fade is audible.
        var x = Fades.Out(Signals.Sine(Rate, 1_000, -20, 30), Rate, seconds: 8, depthDb: -36);

        var edges = Meter.Analyze(Signals.Copies(x), Rate).Edges!;

        Assert.Equal(-20.0, edges.OutroBodyLufs!.Value, 0.1);
        Assert.InRange(edges.FadeOutSeconds, 7.0, 8.0);
        Assert.True(edges.OutroLufs < -20 - EdgeDetector.MinFadeLu, $"edge {edges.OutroLufs}");
        Assert.Equal(0, edges.FadeInSeconds);
        Assert.Equal(-20.0, edges.IntroBodyLufs!.Value, 0.1);
    }

    [Fact]
    public void FadeIntoSilence_CountsTheAudiblePartOfTheFade()
    {
        // -20 dBFS to -80 dBFS over 8 s: it crosses the -60 dBFS silence threshold after 8·40/60 = 5.33 s, where the
        // audible extent (and the trailing silence) begins.
        var x = Fades.Out(Signals.Sine(Rate, 1_000, -20, 30), Rate, seconds: 8, depthDb: -60);

        var analysis = Meter.Analyze(Signals.Copies(x), Rate);

        Assert.Equal(8 - 5.333, analysis.Silence!.TrailingSeconds, 0.05);
        Assert.Equal(-20.0, analysis.Edges!.OutroBodyLufs!.Value, 0.1);
        Assert.InRange(analysis.Edges.FadeOutSeconds, 4.6, 5.34);
    }

    [Fact]
    public void FadeIn_BodyIsTheLevelAfterTheFade()
    {
        var x = Fades.In(Signals.Sine(Rate, 1_000, -16, 25), Rate, seconds: 5, depthDb: -40);

        var edges = Meter.Analyze(Signals.Copies(x), Rate).Edges!;

        Assert.Equal(-16.0, edges.IntroBodyLufs!.Value, 0.1);
        Assert.InRange(edges.FadeInSeconds, 4.0, 5.0);
        Assert.Equal(0, edges.FadeOutSeconds);
        Assert.Equal(-16.0, edges.OutroBodyLufs!.Value, 0.1);
    }

    [Fact]
    public void HardEndIntoSilence_IsNoFade_AndTheSilenceDoesNotLowerTheBody()
    {
        // 2 s of digital silence after the music: the last 3 s window of the whole file reads -20 - 10·log10(3) LU,
        // but the audible extent ends with the music, so the body is the music's level.
        var x = Signals.Concat(Signals.Silence(Rate, 1.5), Signals.Sine(Rate, 1_000, -20, 20), Signals.Silence(Rate, 2));

        var edges = Meter.Analyze(Signals.Copies(x), Rate).Edges!;

        Assert.Equal(0, edges.FadeOutSeconds);
        Assert.Equal(0, edges.FadeInSeconds);
        Assert.Equal(-20.0, edges.OutroBodyLufs!.Value, 0.1);
        Assert.Equal(-20.0, edges.IntroBodyLufs!.Value, 0.1);
    }

    [Fact]
    public void SmallStepDownAtTheEnd_IsNotAFade_TheBodyIsTheEdge()
    {
        // A last section 3 LU quieter, held to the end: a plateau, not a fade. What the listener hears last is that section.
        var x = Signals.Concat(Signals.Sine(Rate, 1_000, -18, 20), Signals.Sine(Rate, 1_000, -21, 8));

        var edges = Meter.Analyze(Signals.Copies(x), Rate).Edges!;

        Assert.Equal(0, edges.FadeOutSeconds);
        Assert.Equal(-21.0, edges.OutroBodyLufs!.Value, 0.1);
    }

    [Fact]
    public void NoiseBodyWithFadeOut_BodyMatchesTheIntegratedLoudnessOfTheBodyAlone()
    {
        // Pink noise: its loudness has no simple closed form, so the expectation is the integrated loudness of the
        // un-faded body measured on its own (BS.1770 gating of a steady signal = its mean energy).
        var body = Signals.PinkNoise(7, Rate * 30, 0.3);
        float[][] left = [body, Signals.PinkNoise(8, Rate * 30, 0.3)];
        var expected = Meter.Analyze(left, Rate).Loudness.IntegratedLufs!.Value;
        float[][] faded = [Fades.Out(left[0], Rate, 10, depthDb: -30), Fades.Out(left[1], Rate, 10, depthDb: -30)];

        var edges = Meter.Analyze(faded, Rate).Edges!;

        Assert.Equal(expected, edges.OutroBodyLufs!.Value, 0.3);
        Assert.InRange(edges.FadeOutSeconds, 8.5, 10.0);
    }

    [Fact]
    public void ShorterThanAWindow_HasNoBody()
    {
        var edges = EdgeDetector.Detect([LoudnessUnits.ToEnergy(-20)], leadingSilenceSeconds: 0.5, trailingSilenceSeconds: 0.5, durationSeconds: 3);

        Assert.Null(edges.IntroBodyLufs);
        Assert.Null(edges.OutroBodyLufs);
    }

    [Fact]
    public void LoudnessOnly_MeasuresNoEdges()
    {
        var x = Signals.Sine(Rate, 1_000, -20, 5);

        Assert.Null(Meter.Analyze(Signals.Copies(x), Rate, options: AnalysisOptions.Default with { LoudnessOnly = true }).Edges);
    }
}
