using MixFleet.Analysis.Tests.Support;

namespace MixFleet.Analysis.Tests.Format;

public sealed class BitDepthTests
{
    private static float[] Quantised(int bits) =>
        Signals.Noise(5, 48_000, 0.5).Select(v => (float)(Math.Round(v * (1 << (bits - 1))) / (1 << (bits - 1)))).ToArray();

    [Fact]
    public void SixteenBitAudioInA24BitContainer_Reads16() =>
        Assert.Equal(16, Meter.Analyze([Quantised(16)], codec: "pcm_s24le", bitDepth: 24).BitDepth!.EffectiveBitDepth);

    [Fact]
    public void Full24BitAudio_Reads24() =>
        Assert.Equal(24, Meter.Analyze([Quantised(24)], codec: "pcm_s24le", bitDepth: 24).BitDepth!.EffectiveBitDepth);

    [Fact]
    public void FloatSource_HasNoEffectiveDepth() =>
        Assert.Null(Meter.Analyze([Quantised(16)]).BitDepth!.EffectiveBitDepth);
}
