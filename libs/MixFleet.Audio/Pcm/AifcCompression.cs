using System.Text;

namespace MixFleet.Audio.Pcm;

/// <summary>Maps an AIFF sample size and AIFC compression type to a sample kind and byte order.</summary>
internal static class AifcCompression
{
    /// <summary>
    /// <c>NONE</c>/<c>twos</c>: big-endian integer; <c>sowt</c>: little-endian integer; <c>fl32</c>/<c>fl64</c>:
    /// big-endian float (matched case-insensitively). Anything else is <see cref="AudioErrorCode.UnsupportedEncoding"/>.
    /// </summary>
    public static (PcmSampleKind Kind, bool BigEndian) Resolve(ReadOnlySpan<byte> fourcc, int sampleSize, string name)
    {
        Span<byte> upper = stackalloc byte[4];
        for (var i = 0; i < 4; i++)
        {
            upper[i] = fourcc[i] is >= (byte)'a' and <= (byte)'z' ? (byte)(fourcc[i] - 32) : fourcc[i];
        }

        if (upper.SequenceEqual("FL32"u8))
        {
            return (PcmSampleKind.F32, true);
        }

        if (upper.SequenceEqual("FL64"u8))
        {
            return (PcmSampleKind.F64, true);
        }

        bool bigEndian;
        if (upper.SequenceEqual("NONE"u8) || upper.SequenceEqual("TWOS"u8))
        {
            bigEndian = true;
        }
        else if (upper.SequenceEqual("SOWT"u8))
        {
            bigEndian = false;
        }
        else
        {
            var printable = Encoding.Latin1.GetString(fourcc[..4]);
            throw AudioError.Create(
                AudioErrorCode.UnsupportedEncoding,
                name,
                $"AIFC compression type '{printable}' is not supported; only NONE, twos, sowt, fl32 and fl64 are decoded in-process");
        }

        // AIFF sampleSize 1–32 is stored left-justified in whole bytes (e.g. 20 bits in 3 bytes).
        var kind = sampleSize is >= 1 and <= 32 ? PcmFormat.IntegerKind((sampleSize + 7) / 8 * 8, unsigned8: false) : null;
        return kind is { } k
            ? (k, bigEndian)
            : throw AudioError.Create(
                AudioErrorCode.InvalidHeader,
                name,
                $"the COMM chunk declares a sample size of {sampleSize} bits; 1 to 32 are supported");
    }
}
