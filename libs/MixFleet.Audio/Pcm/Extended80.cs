using System.Buffers.Binary;

namespace MixFleet.Audio.Pcm;

/// <summary>The 80-bit IEEE 754 extended-precision number AIFF uses for the sample rate (Apple SANE format).</summary>
internal static class Extended80
{
    /// <summary>
    /// Converts 10 big-endian bytes (sign, 15-bit exponent biased by 16383, 64-bit mantissa with an explicit
    /// integer bit) to a double. Infinity and NaN come back as <see cref="double.NaN"/>.
    /// </summary>
    public static double ToDouble(ReadOnlySpan<byte> bytes)
    {
        var signAndExponent = BinaryPrimitives.ReadUInt16BigEndian(bytes);
        var mantissa = BinaryPrimitives.ReadUInt64BigEndian(bytes[2..10]);
        var negative = (signAndExponent & 0x8000) != 0;
        var exponent = signAndExponent & 0x7FFF;
        if (exponent == 0x7FFF)
        {
            return double.NaN;
        }

        if (mantissa == 0)
        {
            return negative ? -0.0 : 0.0;
        }

        // value = mantissa × 2^(exponent − bias − 63); ScaleB is exact apart from rounding the mantissa to 53 bits.
        var value = Math.ScaleB(mantissa, exponent - 16383 - 63);
        return negative ? -value : value;
    }
}
