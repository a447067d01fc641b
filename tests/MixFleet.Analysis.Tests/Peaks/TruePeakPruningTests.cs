using MixFleet.Analysis.Peaks;
using MixFleet.Analysis.Tests.Support;

namespace MixFleet.Analysis.Tests.Peaks;

/// <summary>
/// The reconstruction kernel's pruning is exact: its maximum and overs count equal, bit for bit, those of a plain
/// evaluation of every point of the 8× grid (the same filters, each point the same fused multiply-add chain: stage 1
/// from the centre tap outwards, stage 2 in tap order) and of the parabola at every point, with nothing skipped. Signals from silence to +6 dB over full scale, loud
/// passages next to quiet ones (where the group and vector skips switch on and off), floors from 0 to above the peak,
/// and lengths that leave partial groups and vectors.
/// </summary>
public sealed class TruePeakPruningTests
{
    public static TheoryData<string, double, float> Cases()
    {
        var data = new TheoryData<string, double, float>();
        foreach (var signal in new[] { "master", "pink", "bursts", "white", "worst" })
        {
            foreach (var gainDb in new[] { -30.0, -12.0, 0.0, 3.0, 6.0 })
            {
                foreach (var floor in new[] { 0f, 0.6f, 1.4f })
                {
                    data.Add(signal, gainDb, floor);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Measure_PrunedGrid_EqualsEveryPointEvaluated(string signal, double gainDb, float floor)
    {
        var x = Signal(signal, gainDb);
        var kernel = new TruePeakReconstructor();
        foreach (var length in new[] { x.Length, TruePeakReconstructor.HistorySamples + 5, TruePeakReconstructor.HistorySamples + 71, 20_011 })
        {
            var span = x.AsSpan(0, Math.Min(length, x.Length));
            var expected = BruteForce(span, floor);

            var actual = kernel.Measure(span, floor);

            Assert.Equal(expected.Overs, actual.Overs);
            Assert.Equal(BitConverter.SingleToInt32Bits(expected.Max), BitConverter.SingleToInt32Bits(actual.Max));
        }
    }

    [Fact]
    public void Measure_HotMaster_FindsOversAndRefinesAboveTheGrid()
    {
        // Guards the cases above against testing nothing: the hot master must have overs and refined peaks.
        var x = Signal("master", 6.0);
        var (max, overs) = BruteForce(x, 0f);
        var gridMax = Grid(x).Max(p => MathF.Abs(p.Value));

        Assert.True(overs > 1000, $"overs {overs}");
        Assert.True(max > gridMax, $"refined {max} vs grid {gridMax}");
        Assert.Equal((max, overs), new TruePeakReconstructor().Measure(x, 0f));
    }

    private static float[] Signal(string name, double gainDb)
    {
        const int Rate = 44_100;
        var gain = (float)Math.Pow(10, gainDb / 20);
        float[] x = name switch
        {
            "master" => LoudMaster.Make(Rate, 1.0, 7)[0],
            "pink" => Signals.PinkNoise(3, Rate, 0.9),
            "white" => Signals.Noise(5, Rate / 2, 0.7),
            "worst" => WorstCases(Rate / 2),
            // Loud bursts of near-Nyquist tone in silence and in a quiet bed: every group and vector skip decision flips.
            _ => Bursts(Rate),
        };
        return [.. x.Select(v => v * gain)];
    }

    /// <summary>
    /// Bursts that drive a grid point to the filters' bound Σ|h|·a (x = a·sign(h) over the taps): the half-sample point
    /// (Σ|h₁| = 2.69) and a stage-2 point (2.57), levels rising 4 % a burst from 0.02 to ~1.4 so that every floor
    /// meets a burst just above it. A skip bound that under-estimates loses the new maximum there.
    /// </summary>
    private static float[] WorstCases(int length)
    {
        double[][] patterns = [[.. ReconstructionFilter.HalfBand.Select(h => (double)Math.Sign(h))], Composite()];
        var x = new float[length];
        var level = 0.02;
        for (var (start, k) = (100, 0); start + 120 < length; start += 400, k++, level *= 1.04)
        {
            var pattern = patterns[k % 2];
            for (var d = 0; d < pattern.Length; d++)
            {
                x[start + d] = (float)(level * pattern[d]);
            }
        }

        return x;
    }

    // sign of the weight of x[i + d], d = −26 … 26, in the grid point 5/8 after x[i] (both stages combined), by impulses.
    private static double[] Composite()
    {
        const int Centre = 60;
        var first = TruePeakReconstructor.Lookback - 1;
        var pattern = new double[53];
        for (var d = -26; d <= 26; d++)
        {
            var impulse = new float[120];
            impulse[Centre + d] = 1;
            pattern[d + 26] = Math.Sign(Grid(impulse)[(8 * (Centre - first)) + 5].Value);
        }

        return pattern;
    }

    private static float[] Bursts(int rate)
    {
        var bed = Signals.Noise(9, rate / 2, 0.01);
        for (var start = 300; start + 200 < bed.Length; start += 997)
        {
            for (var i = 0; i < 40 + (start % 150); i++)
            {
                bed[start + i] += (float)(0.9 * Math.Sin((2 * Math.PI * 0.45 * i) + start));
            }
        }

        return bed;
    }

    // Every point of the 8× grid of bases [Lookback, length − Lookahead), refined where it is a local maximum.
    private static (float Max, long Overs) BruteForce(ReadOnlySpan<float> x, float floor)
    {
        var max = floor;
        long overs = 0;
        var grid = Grid(x);
        for (var g = 8; g < grid.Length - 1; g++)
        {
            if (!grid[g].Credited)
            {
                continue;
            }

            var value = grid[g].Value;
            overs += MathF.Abs(value) > 1f ? 1 : 0;
            max = MathF.Max(max, TruePeakReconstructor.Vertex(value, grid[g - 1].Value, grid[g + 1].Value));
        }

        return (max, overs);
    }

    // Grid points 8·(i − first) + p for bases i from Lookback − 1 to length − Lookahead (one more base on each side for
    // the neighbours; only bases in [Lookback, length − Lookahead) are credited).
    private static (float Value, bool Credited)[] Grid(ReadOnlySpan<float> x)
    {
        const int Lookback = TruePeakReconstructor.Lookback;
        var end = x.Length - TruePeakReconstructor.Lookahead;
        if (end <= Lookback)
        {
            return [];
        }

        // Half points j + ½ for every j whose inputs exist; z[2n] = x[n], z[2n + 1] = half[n].
        var half = new float[x.Length];
        for (var j = 23; j + 24 < x.Length; j++)
        {
            half[j] = HalfPoint(x, j);
        }

        var first = Lookback - 1;
        var grid = new (float, bool)[(8 * (end - first)) + 1];
        for (var i = first; i < end; i++)
        {
            var credited = i >= Lookback;
            var slot = 8 * (i - first);
            grid[slot] = (x[i], credited);
            grid[slot + 4] = (half[i], credited);
            for (var p = 0; p < ReconstructionFilter.Phases; p++)
            {
                var h = ReconstructionFilter.Phase[p];
                grid[slot + 1 + p] = (Chain(h, (2 * i) - 3, x, half), credited);
                grid[slot + 5 + p] = (Chain(h, (2 * i) - 2, x, half), credited);
            }
        }

        grid[^1] = (x[end], false);
        return grid;
    }

    // Σₖ h[k]·z[from + k] in tap order.
    private static float Chain(float[] h, int from, ReadOnlySpan<float> x, float[] half)
    {
        var acc = 0f;
        for (var k = 0; k < h.Length; k++)
        {
            var m = from + k;
            acc = MathF.FusedMultiplyAdd(h[k], m % 2 == 0 ? x[m / 2] : half[m / 2], acc);
        }

        return acc;
    }

    // The half-sample point between x[j] and x[j + 1]: the symmetric taps folded, from the centre outwards.
    private static float HalfPoint(ReadOnlySpan<float> x, int j)
    {
        var h = ReconstructionFilter.HalfBand;
        var half = h.Length / 2;
        var acc = 0f;
        for (var t = half - 1; t >= 0; t--)
        {
            acc = MathF.FusedMultiplyAdd(h[t], x[j - (half - 1) + t] + x[j + half - t], acc);
        }

        return acc;
    }
}
