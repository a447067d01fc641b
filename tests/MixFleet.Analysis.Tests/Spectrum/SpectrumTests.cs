using MixFleet.Analysis.Tests.Support;

namespace MixFleet.Analysis.Tests.Spectrum;

public sealed class SpectrumTests
{
    [Theory]
    [InlineData(100, "low")]
    [InlineData(1_000, "mid")]
    [InlineData(350, "lowMid")]
    [InlineData(4_000, "highMid")]
    public void Sine_LandsInItsBand(double frequency, string band)
    {
        var spectrum = Meter.Analyze([Signals.Sine(48_000, frequency, -20, 5)]).Spectrum!;

        Assert.True(spectrum.Bands.Single(b => b.Name == band).Share >= 0.99, string.Join(", ", spectrum.Bands));
    }

    [Fact]
    public void WhiteNoise_TiltsUpThreeDbPerOctave_AndReadsHarsh()
    {
        var spectrum = Meter.Analyze([Signals.Noise(3, 48_000 * 20, 0.3)]).Spectrum!;

        Assert.Equal(10 * Math.Log10(2), spectrum.TiltDbPerOctave!.Value, 0.3);
        Assert.True(spectrum.Harsh);
        Assert.False(spectrum.Muddy);
    }

    [Fact]
    public void PinkNoise_IsFlat_NoFlags()
    {
        var spectrum = Meter.Analyze([Signals.PinkNoise(4, 44_100 * 20, 0.3)], 44_100).Spectrum!;

        Assert.Equal(0, spectrum.TiltDbPerOctave!.Value, 0.5);
        Assert.False(spectrum.Harsh);
        Assert.False(spectrum.Muddy);
    }

    [Fact]
    public void LowMidSine_ReadsMuddy() =>
        Assert.True(Meter.Analyze([Signals.Sine(48_000, 350, -20, 5)]).Spectrum!.Muddy);
}
