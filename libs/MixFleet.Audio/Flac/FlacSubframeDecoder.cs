namespace MixFleet.Audio.Flac;

/// <summary>
/// Decodes one subframe (RFC 9639 §9.2) of up to 32 bits per sample into 32-bit integers: the header (type and
/// wasted bits), then a constant, verbatim, fixed-predictor or LPC body. The samples of a predicted subframe are left
/// as warm-up samples and residuals: the returned <see cref="FlacPrediction"/> says what restores them
/// (<see cref="Restore"/>, or the frame decoder's two-channel loop). 33-bit side channels go to
/// <see cref="FlacWideSubframeDecoder"/>.
/// </summary>
internal static class FlacSubframeDecoder
{
    /// <summary>
    /// Decodes into <paramref name="samples"/> (one block) at <paramref name="bitsPerSample"/> bits (≤ 32); LPC
    /// coefficients go to <paramref name="coefficients"/> (room for <see cref="FlacLpcPredictor.MaxOrder"/>).
    /// </summary>
    public static FlacPrediction Decode(FlacBitReader reader, Span<int> samples, Span<int> coefficients, int bitsPerSample, FlacFrameContext frame)
    {
        var (type, wasted) = FlacSubframeHeader.Read(reader, bitsPerSample, frame);
        var bits = bitsPerSample - wasted;
        switch (type)
        {
            case FlacSubframeHeader.Constant:
                samples.Fill(reader.ReadSigned(bits));
                return new FlacPrediction(0, false, 0, wasted);
            case FlacSubframeHeader.Verbatim:
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = reader.ReadSigned(bits);
                }

                return new FlacPrediction(0, false, 0, wasted);
            case <= FlacSubframeHeader.FixedMaxType:
                var order = FlacSubframeHeader.FixedOrder(type);
                ReadWarmUp(reader, samples, order, bits, frame);
                FlacResidualDecoder.Decode(reader, samples, order, frame);
                return new FlacPrediction(order, true, 0, wasted);
            default:
                return DecodeLpc(reader, samples, coefficients, FlacSubframeHeader.LpcOrder(type), bits, wasted, frame);
        }
    }

    /// <summary>Runs <paramref name="prediction"/> over <paramref name="samples"/> in place, then shifts the wasted bits back in.</summary>
    public static void Restore(Span<int> samples, ReadOnlySpan<int> coefficients, FlacPrediction prediction)
    {
        if (prediction.IsFixed)
        {
            FlacFixedPredictor.Restore(samples, prediction.Order);
        }
        else if (prediction.Order > 0)
        {
            FlacLpcPredictor.Restore(samples, coefficients[..prediction.Order], prediction.Shift);
        }

        ShiftWasted(samples, prediction.Wasted);
    }

    /// <summary>Shifts <paramref name="wasted"/> zero bits back into every sample.</summary>
    public static void ShiftWasted(Span<int> samples, int wasted)
    {
        if (wasted > 0)
        {
            for (var i = 0; i < samples.Length; i++)
            {
                samples[i] <<= wasted;
            }
        }
    }

    private static FlacPrediction DecodeLpc(FlacBitReader reader, Span<int> samples, Span<int> coefficients, int order, int bits, int wasted, FlacFrameContext frame)
    {
        ReadWarmUp(reader, samples, order, bits, frame);
        var precision = (int)reader.ReadBits(4) + 1;
        if (precision == 16)
        {
            throw frame.Corrupt($"an LPC subframe has the invalid coefficient precision code 15");
        }

        var shift = reader.ReadSigned(5);
        if (shift < 0)
        {
            throw frame.Corrupt($"an LPC subframe has a negative shift of {shift}");
        }

        for (var j = 0; j < order; j++)
        {
            coefficients[j] = reader.ReadSigned(precision);
        }

        FlacResidualDecoder.Decode(reader, samples, order, frame);
        return new FlacPrediction(order, false, shift, wasted);
    }

    private static void ReadWarmUp(FlacBitReader reader, Span<int> samples, int order, int bits, FlacFrameContext frame)
    {
        if (order > samples.Length)
        {
            throw frame.Corrupt($"a predictor of order {order} exceeds the block of {samples.Length} samples");
        }

        for (var i = 0; i < order; i++)
        {
            samples[i] = reader.ReadSigned(bits);
        }
    }
}
