namespace MixFleet.Audio.Flac;

/// <summary>
/// What a decoded subframe still needs once its warm-up samples and residuals are in place (RFC 9639 §9.2.5–9.2.6):
/// the predictor to run over them — <see cref="Order"/> coefficients (in the channel's coefficient buffer) and a
/// right <see cref="Shift"/>; fixed predictors are LPC with the RFC's fixed coefficients and no shift — and the
/// <see cref="Wasted"/> bits to shift back in afterwards. Keeping the restore apart from the bitstream lets the frame
/// decoder run the two channels of a stereo frame through one predictor loop (<see cref="FlacLpcPairPredictor"/>).
/// </summary>
/// <param name="Order">Predictor order; 0 when the samples are final (constant, verbatim, fixed order 0).</param>
/// <param name="IsFixed">A fixed predictor (coefficients from RFC 9639 §9.2.5, shift 0).</param>
/// <param name="Shift">The LPC right shift (0–15).</param>
/// <param name="Wasted">Wasted bits per sample (RFC 9639 §9.2.2).</param>
internal readonly record struct FlacPrediction(int Order, bool IsFixed, int Shift, int Wasted)
{
    /// <summary>The fixed predictors of orders 1–4 as LPC coefficients, most recent sample first.</summary>
    public static ReadOnlySpan<int> FixedCoefficients(int order) => order switch
    {
        1 => [1],
        2 => [2, -1],
        3 => [3, -3, 1],
        4 => [4, -6, 4, -1],
        _ => [],
    };
}
