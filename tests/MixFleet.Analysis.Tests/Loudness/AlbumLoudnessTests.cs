using MixFleet.Analysis.Loudness;
using MixFleet.Analysis.Tests.Support;
using static MixFleet.Analysis.Tests.Support.Signals;

namespace MixFleet.Analysis.Tests.Loudness;

public sealed class AlbumLoudnessTests
{
    [Fact]
    public void AlbumIntegrated_PoolsBlocks_NotAnAverageOfTrackValues()
    {
        var loud = Meter.Analyze(Copies(Sine(48_000, 1000, -20, 20))).Loudness;
        var quiet = Meter.Analyze(Copies(Sine(48_000, 1000, -30, 10))).Loudness;

        var album = AlbumLoudness.IntegratedLufs([loud, quiet])!.Value;

        // Both tracks pass the relative gate, so the programme is the block-count-weighted energy mean.
        var n1 = loud.BlockEnergies.Length;
        var n2 = quiet.BlockEnergies.Length;
        var expected = 10 * Math.Log10(((n1 * Math.Pow(10, loud.IntegratedLufs!.Value / 10)) + (n2 * Math.Pow(10, quiet.IntegratedLufs!.Value / 10))) / (n1 + n2));
        Assert.Equal(expected, album, 0.01);
        Assert.NotEqual((loud.IntegratedLufs.Value + quiet.IntegratedLufs.Value) / 2, album, 0.5);
    }

    [Fact]
    public void AlbumIntegrated_VeryQuietTrack_IsGatedOutOfTheProgramme()
    {
        var loud = Meter.Analyze(Copies(Sine(48_000, 1000, -20, 20))).Loudness;
        var quiet = Meter.Analyze(Copies(Sine(48_000, 1000, -45, 20))).Loudness;

        Assert.Equal(loud.IntegratedLufs!.Value, AlbumLoudness.IntegratedLufs([loud, quiet])!.Value, 0.01);
    }

    [Fact]
    public void AlbumLoudnessRange_OfTwoSteadyTracks_IsTheirDifference()
    {
        var a = Meter.Analyze(Copies(Sine(48_000, 1000, -20, 20))).Loudness;
        var b = Meter.Analyze(Copies(Sine(48_000, 1000, -30, 20))).Loudness;

        // Each track alone has LRA 0; together they span 10 LU (EBU Tech 3342 case 1 split over two tracks).
        Assert.Equal(0.0, a.LoudnessRangeLu!.Value, 0.1);
        Assert.Equal(10.0, AlbumLoudness.LoudnessRangeLu([a, b])!.Value, 0.1);
    }
}
