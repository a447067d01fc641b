namespace MixFleet.Analysis.Peaks;

/// <summary>
/// The polyphase interpolator of ITU-R BS.1770-4 Annex 2: a 48-tap low-pass split into 4 phases of 12 taps.
/// </summary>
/// <remarks>
/// Annex 2 §2: oversample ×4 below 96 kHz, ×2 below 192 kHz, not at all from 192 kHz. The ×2 interpolator uses
/// phases 0 and 2 of the same prototype (the prototype decimated by two), so every rate shares one filter design.
/// </remarks>
public static class TruePeakFilter
{
    /// <summary>Taps per phase.</summary>
    public const int Taps = 12;

    /// <summary>Phase 0 of Annex 2 (phases 2 and 3 are phases 1 and 0 reversed).</summary>
    private static readonly float[] Phase0 =
    [
        0.0017089843750f, 0.0109863281250f, -0.0196533203125f, 0.0332031250000f, -0.0594482421875f, 0.1373291015625f,
        0.9721679687500f, -0.1022949218750f, 0.0476074218750f, -0.0266113281250f, 0.0148925781250f, -0.0083007812500f,
    ];

    private static readonly float[] Phase1 =
    [
        -0.0291748046875f, 0.0292968750000f, -0.0517578125000f, 0.0891113281250f, -0.1665039062500f, 0.4650878906250f,
        0.7797851562500f, -0.2003173828125f, 0.1015625000000f, -0.0582275390625f, 0.0330810546875f, -0.0189208984375f,
    ];

    /// <summary>Oversampling factor for a sample rate (Annex 2 §2).</summary>
    public static int OversamplingFactor(int sampleRate) => sampleRate switch
    {
        < 96_000 => 4,
        < 192_000 => 2,
        _ => 1,
    };

    /// <summary>
    /// The phases to run at <paramref name="factor"/>, each already reversed so that output =
    /// Σ phase[k]·x[n-11+k] over the 12 most recent samples in time order.
    /// </summary>
    public static float[][] PhasesFor(int factor)
    {
        float[][] all = [Phase0, Phase1, [.. Phase1.Reverse()], [.. Phase0.Reverse()]];
        float[][] chosen = factor switch
        {
            4 => all,
            2 => [all[0], all[2]],
            _ => [],
        };
        return chosen.Select(p => p.Reverse().ToArray()).ToArray();
    }

    /// <summary>Largest gain any phase can apply to a signal bounded by 1 (Σ|h|): the bound that lets quiet blocks be skipped.</summary>
    public static float GainBound(int factor) =>
        PhasesFor(factor).Select(p => p.Sum(MathF.Abs)).DefaultIfEmpty(1f).Max();
}
