using MixFleet.Analysis.Tests.Support;
using static MixFleet.Analysis.Tests.Support.Signals;

namespace MixFleet.Analysis.Tests.Loudness;

/// <summary>
/// EBU Tech 3342 cases 1–4 (stereo 1 kHz, 20 s per segment). The document's tolerance is ±1 LU; these assert
/// ±0.1 LU. Cases 5 and 6 are authentic programme material only the EBU distributes; they are not run here.
/// </summary>
public sealed class EbuTech3342Tests
{
    private const int Fs = 48_000;

    private static float[] Tone(double dbfs) => Sine(Fs, 1000, dbfs, 20);

    public static TheoryData<double[], double> Cases() => new()
    {
        { new[] { -20.0, -30.0 }, 10.0 },
        { new[] { -20.0, -15.0 }, 5.0 },
        { new[] { -40.0, -20.0 }, 20.0 },
        { new[] { -50.0, -35.0, -20.0, -35.0, -50.0 }, 15.0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void LoudnessRange_Tech3342Case_MatchesExpected(double[] levels, double expectedLu)
    {
        var signal = Concat(levels.Select(Tone).ToArray());

        var lra = Meter.Analyze(Copies(signal)).Loudness.LoudnessRangeLu;

        Assert.Equal(expectedLu, lra!.Value, 0.1);
    }
}
