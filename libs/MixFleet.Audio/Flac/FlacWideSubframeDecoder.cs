namespace MixFleet.Audio.Flac;

/// <summary>
/// Decodes a subframe of 33 bits per sample: the side channel of a 32-bit stereo stream (RFC 9639 §9.2: the side
/// channel has one more bit than the stream). Samples are 64-bit; residuals still fit 32 bits (RFC 9639 §9.2.7).
/// A general, unhurried path: 32-bit stereo with side coding is rare.
/// </summary>
internal static class FlacWideSubframeDecoder
{
    /// <summary>Decodes into <paramref name="samples"/>; <paramref name="residuals"/> is scratch of the same length.</summary>
    public static void Decode(FlacBitReader reader, Span<long> samples, Span<int> residuals, int bitsPerSample, FlacFrameContext frame)
    {
        var (type, wasted) = FlacSubframeHeader.Read(reader, bitsPerSample, frame);
        var bits = bitsPerSample - wasted;
        if (type == FlacSubframeHeader.Constant)
        {
            samples.Fill(reader.ReadSignedLong(bits));
        }
        else if (type == FlacSubframeHeader.Verbatim)
        {
            for (var i = 0; i < samples.Length; i++)
            {
                samples[i] = reader.ReadSignedLong(bits);
            }
        }
        else
        {
            var fixedOrder = type <= FlacSubframeHeader.FixedMaxType;
            var order = fixedOrder ? FlacSubframeHeader.FixedOrder(type) : FlacSubframeHeader.LpcOrder(type);
            if (order > samples.Length)
            {
                throw frame.Corrupt($"a predictor of order {order} exceeds the block of {samples.Length} samples");
            }

            for (var i = 0; i < order; i++)
            {
                samples[i] = reader.ReadSignedLong(bits);
            }

            Span<long> coefficients = stackalloc long[FlacLpcPredictor.MaxOrder];
            var shift = 0;
            if (fixedOrder)
            {
                FixedCoefficients(order).CopyTo(coefficients);
            }
            else
            {
                var precision = (int)reader.ReadBits(4) + 1;
                shift = reader.ReadSigned(5);
                if (precision == 16 || shift < 0)
                {
                    throw frame.Corrupt($"an LPC subframe has an invalid precision ({precision}) or shift ({shift})");
                }

                for (var j = 0; j < order; j++)
                {
                    coefficients[j] = reader.ReadSigned(precision);
                }
            }

            FlacResidualDecoder.Decode(reader, residuals, order, frame);
            for (var i = order; i < samples.Length; i++)
            {
                long sum = 0;
                for (var j = 0; j < order; j++)
                {
                    sum += coefficients[j] * samples[i - 1 - j];
                }

                samples[i] = residuals[i] + (sum >> shift);
            }
        }

        for (var i = 0; i < samples.Length && wasted > 0; i++)
        {
            samples[i] <<= wasted;
        }
    }

    // RFC 9639 §9.2.5: the fixed predictors as coefficient lists, most recent sample first.
    private static ReadOnlySpan<long> FixedCoefficients(int order) => order switch
    {
        0 => [],
        1 => [1],
        2 => [2, -1],
        3 => [3, -3, 1],
        _ => [4, -6, 4, -1],
    };
}
