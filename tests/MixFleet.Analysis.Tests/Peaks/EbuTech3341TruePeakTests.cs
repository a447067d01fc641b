using MixFleet.Analysis.Peaks;
using MixFleet.Analysis.Tests.Support;
using static MixFleet.Analysis.Tests.Support.Signals;

namespace MixFleet.Analysis.Tests.Peaks;

/// <summary>
/// EBU Tech 3341 cases 15–19: true peak at 48 kHz, tolerance +0.2 / -0.4 dB, in both true-peak modes; the default
/// reconstruction also within 0.03 dB of the sine's analytic peak, 20·log10(amplitude).
/// </summary>
public sealed class EbuTech3341TruePeakTests
{
    private const int Fs = 48_000;

    [Theory]
    [InlineData(15, Fs / 4.0, 0.0, 0.5, -6.0)]
    [InlineData(16, Fs / 4.0, 45.0, 0.5, -6.0)]
    [InlineData(17, Fs / 6.0, 60.0, 0.5, -6.0)]
    [InlineData(18, Fs / 8.0, 67.5, 0.5, -6.0)]
    [InlineData(19, Fs / 4.0, 45.0, 1.41, 3.0)]
    public void TruePeak_Tech3341Case_WithinTolerance(int caseNumber, double frequency, double phase, double amplitude, double expectedDbtp)
    {
        // Faded in and out over 20 ms: an abrupt onset is a real step whose interpolated overshoot would be measured too.
        var signal = Faded(SineAmplitude(Fs, frequency, amplitude, 1.0, phase));

        foreach (var mode in new[] { TruePeakMode.Reconstruction, TruePeakMode.Bs1770 })
        {
            var truePeak = Meter.Analyze(Copies(signal), options: AnalysisOptions.Default with { TruePeak = mode }).Peaks.TruePeakDbtp!.Value;

            Assert.True(truePeak <= expectedDbtp + 0.2 && truePeak >= expectedDbtp - 0.4, $"case {caseNumber} ({mode}): {truePeak:F3} dBTP, expected {expectedDbtp} +0.2/-0.4");
        }
    }

    [Theory]
    [InlineData(Fs / 4.0, 0.0, 0.5)]
    [InlineData(Fs / 4.0, 45.0, 0.5)]
    [InlineData(Fs / 6.0, 60.0, 0.5)]
    [InlineData(Fs / 8.0, 67.5, 0.5)]
    [InlineData(Fs / 4.0, 45.0, 1.41)]
    public void TruePeak_Tech3341Cases15To19_DefaultReadsTheAnalyticPeak(double frequency, double phase, double amplitude)
    {
        var truePeak = Meter.Analyze(Copies(Faded(SineAmplitude(Fs, frequency, amplitude, 1.0, phase)))).Peaks.TruePeakDbtp!.Value;

        Assert.Equal(20 * Math.Log10(amplitude), truePeak, 0.03);
    }

    [Fact]
    public void TruePeak_Case19_ReadsAboveSamplePeakOfZeroDbfs()
    {
        // Samples of a 1.41-amplitude sine at fs/4, 45°, are ±0.997: the sample peak sits at 0 dBFS, the true peak 3 dB over.
        var analysis = Meter.Analyze(Copies(Faded(SineAmplitude(Fs, Fs / 4.0, 1.41, 1.0, 45))));

        Assert.Equal(20 * Math.Log10(1.41 * Math.Sin(Math.PI / 4)), analysis.Peaks.SamplePeakDbfs!.Value, 3);
        Assert.True(analysis.Peaks.TruePeakDbtp > 2.6);
    }

    [Fact]
    public void TruePeak_AbruptlyCutSine_MeasuresTheOnsetOvershoot()
    {
        // A sine switched on at 67.5° is a step of 0.46: the reconstructed waveform overshoots the sine's own peak.
        var abrupt = Meter.Analyze(Copies(SineAmplitude(Fs, Fs / 8.0, 0.5, 1.0, 67.5))).Peaks.TruePeakDbtp!.Value;

        Assert.True(abrupt > -6.0, $"{abrupt:F3} dBTP");
    }

    private static float[] Faded(float[] x)
    {
        var n = Fs / 50;
        for (var i = 0; i < n; i++)
        {
            var g = (float)(0.5 - (0.5 * Math.Cos(Math.PI * i / n)));
            x[i] *= g;
            x[^(i + 1)] *= g;
        }

        return x;
    }
}
