using MixFleet.Analysis.Delivery;

namespace MixFleet.Analysis.Tests.Delivery;

public sealed class MixReadinessTests
{
    [Fact]
    public void HealthyPreMaster_IsReady()
    {
        var result = MixReadiness.Judge(samplePeakDbfs: -4.5, integratedLufs: -20, plrDb: 15, truePeakDbtp: -4.2, correlation: 0.6, phaseTrouble: false, subShare: 0.1);

        Assert.True(result.Ready);
        Assert.All(result.Checks, c => Assert.True(c.Pass));
    }

    [Fact]
    public void LimitedMaster_FailsPeaksLevelAndLimiting()
    {
        var result = MixReadiness.Judge(-0.1, -9, 8.9, 0.2, 0.7, false, 0.1);

        Assert.False(result.Ready);
        var failed = result.Checks.Where(c => c.Pass == false).Select(c => c.Name).ToArray();
        Assert.Equal(["peaks", "mixLevel", "notLimited"], failed);
    }

    [Fact]
    public void Mono_StereoCheckIsNotJudged()
    {
        var result = MixReadiness.Judge(-4.5, -20, 15, -4.2, null, false, 0.1);

        Assert.Null(result.Checks.Single(c => c.Name == "stereo").Pass);
        Assert.True(result.Ready);
    }
}
