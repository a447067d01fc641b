using MixFleet.Analysis.Loudness;
using Xunit.Abstractions;

namespace MixFleet.Analysis.Tests.Loudness;

/// <summary>
/// The compact album data: album loudness and LRA from pooled 0.01 LU histograms (after a round trip through their
/// stored form) against the exact pooled values computed block by block (<see cref="Gating"/>, <see cref="LoudnessRange"/>):
/// within 0.01 LU (issue 12). Property-style over seeded random albums of music-like level curves.
/// </summary>
public sealed class LoudnessHistogramTests(ITestOutputHelper output)
{
    private const double BoundLu = 0.01;

    [Fact]
    public void AlbumFromStoredHistograms_WithinOneHundredthOfAnLu_OfTheExactPooledResult()
    {
        var (worstIntegrated, worstRange) = (0.0, 0.0);
        var illConditioned = 0;
        for (var seed = 1; seed <= 300; seed++)
        {
            var random = new Random(seed);
            var tracks = Enumerable.Range(0, random.Next(1, 16)).Select(_ => RandomTrack(random)).ToList();

            var exactIntegrated = Gating.IntegratedLufs(tracks.SelectMany(t => t.Blocks).ToArray())!.Value;
            var exactRange = LoudnessRange.ComputeLu(tracks.SelectMany(t => t.ShortTerm).ToArray())!.Value;
            var integrated = AlbumLoudness.IntegratedLufs(tracks.Select(t => Stored(t.Blocks)))!.Value;
            var range = AlbumLoudness.LoudnessRangeLu(tracks.Select(t => Stored(t.ShortTerm)))!.Value;

            Assert.True(Math.Abs(integrated - exactIntegrated) <= BoundLu, $"seed {seed}: integrated {integrated:F4} vs exact {exactIntegrated:F4}");
            var shortTerm = tracks.SelectMany(t => t.ShortTerm).ToArray();
            if (Math.Abs(range - exactRange) > BoundLu)
            {
                // LRA is discontinuous where values sit on its relative gate: one value crossing it moves a percentile by a
                // whole rank. There the histogram must lie within 0.01 LU of the span of exact LRAs of the same values with
                // the gate anywhere within one bin (its own resolution) of where it is.
                var shifted = Enumerable.Range(-4, 9).Select(k => ExactRange(shortTerm, k * LoudnessHistogram.BinLu / 4)).ToArray();
                Assert.True(range >= shifted.Min() - BoundLu && range <= shifted.Max() + BoundLu, $"seed {seed}: LRA {range:F4} vs exact {exactRange:F4}, with the gate moved by up to one bin {string.Join(", ", shifted.Select(r => r.ToString("F4")))}");
                illConditioned++;
                continue;
            }

            worstIntegrated = Math.Max(worstIntegrated, Math.Abs(integrated - exactIntegrated));
            worstRange = Math.Max(worstRange, Math.Abs(range - exactRange));
        }

        output.WriteLine($"300 albums: worst |error| integrated {worstIntegrated:F5} LU, LRA {worstRange:F5} LU; {illConditioned} LRA(s) on a gate discontinuity, matched with the gate moved within one bin");
        Assert.True(illConditioned <= 3, $"{illConditioned} albums needed the gate tolerance");
    }

    [Fact]
    public void SingleTrack_MatchesItsOwnExactValues()
    {
        var track = RandomTrack(new Random(99));

        Assert.Equal(Gating.IntegratedLufs(track.Blocks)!.Value, Stored(track.Blocks).IntegratedLufs()!.Value, BoundLu);
        Assert.Equal(LoudnessRange.ComputeLu(track.ShortTerm)!.Value, Stored(track.ShortTerm).LoudnessRangeLu()!.Value, BoundLu);
    }

    [Fact]
    public void Silence_HasNoLoudness()
    {
        var silent = LoudnessHistogram.Of([0, 0, LoudnessUnits.ToEnergy(-80)]);

        Assert.Equal(0, silent.Count);
        Assert.Null(silent.IntegratedLufs());
        Assert.Null(silent.LoudnessRangeLu());
        Assert.Null(LoudnessHistogram.Decode(silent.Encode()).IntegratedLufs());
    }

    [Fact]
    public void StoredForm_OfAThreeHourTrackSpanningSixtyLu_StaysSmall()
    {
        // 108,000 values at 100 ms, every 0.01 LU bin from -62 to -2 LUFS hit: the size depends on the spread, not the length.
        var random = new Random(5);
        var energies = Enumerable.Range(0, 108_000).Select(_ => LoudnessUnits.ToEnergy(-62 + (random.NextDouble() * 60))).ToArray();

        var encoded = LoudnessHistogram.Of(energies).Encode();

        Assert.InRange(encoded.Length, 1, 24 * 1024);
        output.WriteLine($"3 h, 60 LU spread: {encoded.Length} characters");
        Assert.Equal(108_000, LoudnessHistogram.Decode(encoded).Count);
    }

    [Fact]
    public void Decode_RejectsWhatEncodeCannotWrite() =>
        Assert.Throws<FormatException>(() => LoudnessHistogram.Decode(Convert.ToBase64String([0xC1, 0xFE, 0x01, 0x01, 0x05])));

    // EBU Tech 3342 on the values one by one, with the relative gate moved by shiftLu (LoudnessRange, independently).
    private static double ExactRange(double[] energies, double shiftLu)
    {
        var absolute = energies.Where(z => z > LoudnessUnits.ToEnergy(-70)).ToArray();
        var gate = LoudnessUnits.ToLufs(absolute.Average()) - 20 + shiftLu;
        var gated = absolute.Select(LoudnessUnits.ToLufs).Where(l => l > gate).Order().ToArray();
        return gated[(int)(((gated.Length - 1) * 0.95) + 0.5)] - gated[(int)(((gated.Length - 1) * 0.10) + 0.5)];
    }

    private static LoudnessHistogram Stored(double[] energies) => LoudnessHistogram.Decode(LoudnessHistogram.Of(energies).Encode());

    /// <summary>
    /// A track's block (400 ms, 100 ms hop) and short-term (3 s) energies: a level that wanders around the track's own
    /// loudness, quieter sections, a fade-out and some digital silence, as a mastered or a dynamic track has.
    /// </summary>
    private static (double[] Blocks, double[] ShortTerm) RandomTrack(Random random)
    {
        var blocks = random.Next(300, 4000);
        var level = -30 + (random.NextDouble() * 24);
        var spread = 0.5 + (random.NextDouble() * 3);
        var walk = 0.0;
        var lufs = new double[blocks];
        for (var i = 0; i < blocks; i++)
        {
            walk = (0.97 * walk) + ((random.NextDouble() - 0.5) * spread);
            var section = (i / 300) % 4 == 3 ? -random.Next(3, 15) : 0;
            var fade = i > blocks - 80 ? -(i - (blocks - 80)) * 0.6 : 0;
            lufs[i] = level + walk + section + fade + ((random.NextDouble() - 0.5) * spread);
        }

        double[] energies = [.. lufs.Select(l => random.NextDouble() < 0.01 ? 0 : LoudnessUnits.ToEnergy(l))];
        var shortTerm = new double[Math.Max(0, blocks - 26)];
        for (var i = 0; i < shortTerm.Length; i++)
        {
            shortTerm[i] = energies.AsSpan(i, 27).ToArray().Average();
        }

        return (energies, shortTerm);
    }
}
