using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MixFleet.Audio.Pcm;

/// <summary>
/// Converts interleaved PCM bytes into planar float, one tight loop per format and channel: integers scaled so
/// full scale is ±1.0 (−2^(n−1) maps to exactly −1.0), floats passed through unclamped.
/// </summary>
internal static class PcmSampleConverter
{
    private const float Scale8 = 1f / 128;
    private const float Scale16 = 1f / 32768;
    private const float Scale24 = 1f / 8388608;
    private const float Scale32 = 1f / 2147483648;

    /// <summary>
    /// Decodes <paramref name="frames"/> frames of <paramref name="source"/> into
    /// <paramref name="destination"/> starting at frame <paramref name="offset"/>.
    /// </summary>
    public static void Convert(PcmFormat format, ReadOnlySpan<byte> source, int frames, AudioBuffer destination, int offset)
    {
        var bytes = format.BytesPerSample;
        var stride = format.BlockAlign;
        if (source.Length < frames * stride)
        {
            throw new ArgumentException("Source holds fewer bytes than the frames requested.", nameof(source));
        }

        for (var c = 0; c < format.Channels; c++)
        {
            var dst = destination.ChannelStorage(c).AsSpan(offset, frames);
            ref var src = ref Unsafe.Add(ref MemoryMarshal.GetReference(source), c * bytes);
            switch (format.Kind)
            {
                case PcmSampleKind.U8: U8(ref src, dst, stride); break;
                case PcmSampleKind.S8: S8(ref src, dst, stride); break;
                case PcmSampleKind.S16 when format.BigEndian: S16Be(ref src, dst, stride); break;
                case PcmSampleKind.S16: S16Le(ref src, dst, stride); break;
                case PcmSampleKind.S24 when format.BigEndian: S24Be(ref src, dst, stride); break;
                case PcmSampleKind.S24: S24Le(ref src, dst, stride); break;
                case PcmSampleKind.S32 when format.BigEndian: S32Be(ref src, dst, stride); break;
                case PcmSampleKind.S32: S32Le(ref src, dst, stride); break;
                case PcmSampleKind.F32 when format.BigEndian: F32Be(ref src, dst, stride); break;
                case PcmSampleKind.F32: F32Le(ref src, dst, stride); break;
                case PcmSampleKind.F64 when format.BigEndian: F64Be(ref src, dst, stride); break;
                default: F64Le(ref src, dst, stride); break;
            }
        }
    }

    // The loops below read within frames × stride bytes, checked once in Convert.
    private static void U8(ref byte src, Span<float> dst, int stride)
    {
        for (int i = 0, p = 0; i < dst.Length; i++, p += stride)
        {
            dst[i] = (Unsafe.Add(ref src, p) - 128) * Scale8;
        }
    }

    private static void S8(ref byte src, Span<float> dst, int stride)
    {
        for (int i = 0, p = 0; i < dst.Length; i++, p += stride)
        {
            dst[i] = (sbyte)Unsafe.Add(ref src, p) * Scale8;
        }
    }

    private static void S16Le(ref byte src, Span<float> dst, int stride)
    {
        for (int i = 0, p = 0; i < dst.Length; i++, p += stride)
        {
            dst[i] = Le(Unsafe.ReadUnaligned<short>(ref Unsafe.Add(ref src, p))) * Scale16;
        }
    }

    private static void S16Be(ref byte src, Span<float> dst, int stride)
    {
        for (int i = 0, p = 0; i < dst.Length; i++, p += stride)
        {
            dst[i] = Be(Unsafe.ReadUnaligned<short>(ref Unsafe.Add(ref src, p))) * Scale16;
        }
    }

    private static void S24Le(ref byte src, Span<float> dst, int stride)
    {
        for (int i = 0, p = 0; i < dst.Length; i++, p += stride)
        {
            ref var b = ref Unsafe.Add(ref src, p);
            dst[i] = (b | (Unsafe.Add(ref b, 1) << 8) | ((sbyte)Unsafe.Add(ref b, 2) << 16)) * Scale24;
        }
    }

    private static void S24Be(ref byte src, Span<float> dst, int stride)
    {
        for (int i = 0, p = 0; i < dst.Length; i++, p += stride)
        {
            ref var b = ref Unsafe.Add(ref src, p);
            dst[i] = (((sbyte)b << 16) | (Unsafe.Add(ref b, 1) << 8) | Unsafe.Add(ref b, 2)) * Scale24;
        }
    }

    private static void S32Le(ref byte src, Span<float> dst, int stride)
    {
        for (int i = 0, p = 0; i < dst.Length; i++, p += stride)
        {
            dst[i] = Le(Unsafe.ReadUnaligned<int>(ref Unsafe.Add(ref src, p))) * Scale32;
        }
    }

    private static void S32Be(ref byte src, Span<float> dst, int stride)
    {
        for (int i = 0, p = 0; i < dst.Length; i++, p += stride)
        {
            dst[i] = Be(Unsafe.ReadUnaligned<int>(ref Unsafe.Add(ref src, p))) * Scale32;
        }
    }

    private static void F32Le(ref byte src, Span<float> dst, int stride)
    {
        for (int i = 0, p = 0; i < dst.Length; i++, p += stride)
        {
            dst[i] = BitConverter.Int32BitsToSingle(Le(Unsafe.ReadUnaligned<int>(ref Unsafe.Add(ref src, p))));
        }
    }

    private static void F32Be(ref byte src, Span<float> dst, int stride)
    {
        for (int i = 0, p = 0; i < dst.Length; i++, p += stride)
        {
            dst[i] = BitConverter.Int32BitsToSingle(Be(Unsafe.ReadUnaligned<int>(ref Unsafe.Add(ref src, p))));
        }
    }

    private static void F64Le(ref byte src, Span<float> dst, int stride)
    {
        for (int i = 0, p = 0; i < dst.Length; i++, p += stride)
        {
            dst[i] = (float)BitConverter.Int64BitsToDouble(Le(Unsafe.ReadUnaligned<long>(ref Unsafe.Add(ref src, p))));
        }
    }

    private static void F64Be(ref byte src, Span<float> dst, int stride)
    {
        for (int i = 0, p = 0; i < dst.Length; i++, p += stride)
        {
            dst[i] = (float)BitConverter.Int64BitsToDouble(Be(Unsafe.ReadUnaligned<long>(ref Unsafe.Add(ref src, p))));
        }
    }

    private static short Le(short v) => BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v);

    private static int Le(int v) => BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v);

    private static long Le(long v) => BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v);

    private static short Be(short v) => BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(v) : v;

    private static int Be(int v) => BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(v) : v;

    private static long Be(long v) => BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(v) : v;
}
