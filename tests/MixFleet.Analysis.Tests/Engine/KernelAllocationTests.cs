using MixFleet.Analysis.Loudness;
using MixFleet.Analysis.Peaks;
using MixFleet.Analysis.Tests.Support;

namespace MixFleet.Analysis.Tests.Engine;

/// <summary>The per-sample kernels allocate nothing once set up (as NAudio's effect tests check for its DSP).</summary>
public sealed class KernelAllocationTests
{
    private readonly float[] _left = Signals.Noise(1, 48_000, 0.9);
    private readonly float[] _right = Signals.Noise(2, 48_000, 0.9);

    [Fact]
    public void KWeighting_InSteadyState_AllocatesNothing()
    {
        var first = new KWeightingFilter(48_000);
        var second = new KWeightingFilter(48_000);
        KWeightingFilter.FilterPair(ref first, ref second, _left, _right); // JIT and warm-up

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            KWeightingFilter.FilterPair(ref first, ref second, _left, _right);
            first.Filter(_left);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void TruePeakInterpolation_InSteadyState_AllocatesNothing() => AssertNoAllocations(new TruePeakInterpolator(48_000));

    [Fact]
    public void TruePeakReconstruction_InSteadyState_AllocatesNothing() => AssertNoAllocations(new TruePeakReconstructor());

    private void AssertNoAllocations(ITruePeakKernel interpolator)
    {
        interpolator.Measure(_left, 0f);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            interpolator.Measure(_left, 0f);
            SamplePeakMeter.MaxAbs(_right);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
