namespace MixFleet.Audio.Flac;

/// <summary>
/// The coded residual of a fixed or LPC subframe (RFC 9639 §9.2.7): a 2-bit coding method (4- or 5-bit Rice
/// parameters), a 4-bit partition order, then per partition a parameter and its Rice codes, or the escape parameter
/// (all ones) followed by a 5-bit width and the residuals in plain signed binary.
/// </summary>
internal static class FlacResidualDecoder
{
    /// <summary>Decodes the residuals of samples <paramref name="order"/>..blockSize-1 into <paramref name="samples"/>.</summary>
    public static void Decode(FlacBitReader reader, Span<int> samples, int order, FlacFrameContext frame)
    {
        var method = (int)reader.ReadBits(2);
        if (method > 1)
        {
            throw frame.Corrupt($"a residual uses the reserved coding method {method}");
        }

        var parameterBits = method == 0 ? 4 : 5;
        var escape = (1 << parameterBits) - 1;
        var partitionOrder = (int)reader.ReadBits(4);
        var blockSize = samples.Length;
        var partitionSize = blockSize >> partitionOrder;
        if (partitionSize << partitionOrder != blockSize || partitionSize < order)
        {
            throw frame.Corrupt($"a residual partition order of {partitionOrder} does not fit a block of {blockSize} samples with predictor order {order}");
        }

        var start = order;
        for (var p = 0; p < 1 << partitionOrder; p++)
        {
            var end = (p + 1) * partitionSize;
            var partition = samples[start..end];
            var parameter = (int)reader.ReadBits(parameterBits);
            if (parameter != escape)
            {
                reader.ReadRice(partition, parameter);
            }
            else
            {
                var width = (int)reader.ReadBits(5);
                for (var i = 0; i < partition.Length; i++)
                {
                    partition[i] = reader.ReadSigned(width);
                }
            }

            start = end;
        }
    }
}
