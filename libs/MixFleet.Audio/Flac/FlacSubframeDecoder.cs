namespace MixFleet.Audio.Flac;

/// <summary>
/// Decodes one subframe (RFC 9639 §9.2) of up to 32 bits per sample into 32-bit integers: the header (type and
/// wasted bits), then a constant, verbatim, fixed-predictor or LPC body. 33-bit side channels go to
/// <see cref="FlacWideSubframeDecoder"/>.
/// </summary>
internal static class FlacSubframeDecoder
{
    /// <summary>Decodes into <paramref name="samples"/> (one block) at <paramref name="bitsPerSample"/> bits (≤ 32).</summary>
    public static void Decode(FlacBitReader reader, Span<int> samples, int bitsPerSample, FlacFrameContext frame)
    {
        var (type, wasted) = FlacSubframeHeader.Read(reader, bitsPerSample, frame);
        var bits = bitsPerSample - wasted;
        switch (type)
        {
            case FlacSubframeHeader.Constant:
                samples.Fill(reader.ReadSigned(bits));
                break;
            case FlacSubframeHeader.Verbatim:
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = reader.ReadSigned(bits);
                }

                break;
            case <= FlacSubframeHeader.FixedMaxType:
                var order = FlacSubframeHeader.FixedOrder(type);
                ReadWarmUp(reader, samples, order, bits, frame);
                FlacResidualDecoder.Decode(reader, samples, order, frame);
                FlacFixedPredictor.Restore(samples, order);
                break;
            default:
                DecodeLpc(reader, samples, FlacSubframeHeader.LpcOrder(type), bits, frame);
                break;
        }

        if (wasted > 0)
        {
            for (var i = 0; i < samples.Length; i++)
            {
                samples[i] <<= wasted;
            }
        }
    }

    private static void DecodeLpc(FlacBitReader reader, Span<int> samples, int order, int bits, FlacFrameContext frame)
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

        Span<int> coefficients = stackalloc int[order];
        for (var j = 0; j < order; j++)
        {
            coefficients[j] = reader.ReadSigned(precision);
        }

        FlacResidualDecoder.Decode(reader, samples, order, frame);
        FlacLpcPredictor.Restore(samples, coefficients, shift);
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
