namespace MixFleet.Audio.Flac;

/// <summary>
/// The subframe header (RFC 9639 §9.2.1–9.2.2): a zero bit, a 6-bit type (0 constant, 1 verbatim, 8–12 fixed of order
/// type−8, 32–63 LPC of order type−31; everything else reserved), and a wasted-bits flag followed by the count − 1
/// in unary.
/// </summary>
internal static class FlacSubframeHeader
{
    public const int Constant = 0;
    public const int Verbatim = 1;
    public const int FixedMaxType = 12;

    public static int FixedOrder(int type) => type - 8;

    public static int LpcOrder(int type) => type - 31;

    /// <summary>Reads the header; returns the type and the number of wasted bits.</summary>
    public static (int Type, int Wasted) Read(FlacBitReader reader, int bitsPerSample, FlacFrameContext frame)
    {
        var header = (int)reader.ReadBits(8);
        if ((header & 0x80) != 0)
        {
            throw frame.Corrupt($"a subframe header starts with a one bit (it must be zero)");
        }

        var type = header >> 1;
        if (type is (> Verbatim and < 8) or (> FixedMaxType and < 32))
        {
            throw frame.Corrupt($"a subframe has the reserved type {type}");
        }

        var wasted = 0;
        if ((header & 1) != 0)
        {
            wasted = reader.ReadUnary(bitsPerSample) + 1;
            if (wasted >= bitsPerSample)
            {
                throw frame.Corrupt($"a subframe declares {wasted} wasted bits of {bitsPerSample}");
            }
        }

        return (type, wasted);
    }
}
