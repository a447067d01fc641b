using System.Numerics;

namespace MixFleet.Audio.Flac;

/// <summary>
/// Undoes the stereo decorrelation modes (RFC 9639 §4.2): left/side (right = left − side), side/right
/// (left = side + right) and mid/side (mid = mid·2 + (side &amp; 1); left = (mid + side) / 2; right = (mid − side) / 2,
/// shifts arithmetic). Independent channels need nothing.
/// </summary>
internal static class FlacStereoDecorrelation
{
    /// <summary>For channels of up to 32 bits; a 32-bit mid/side pair is summed in 64 bits.</summary>
    public static void Undo(int assignment, int bitsPerSample, int[] first, int[] second, int count)
    {
        var a = first.AsSpan(0, count);
        var b = second.AsSpan(0, count);
        switch (assignment)
        {
            case FlacFrameHeader.LeftSide:
                // Wrap-around is exact: the result fits 32 bits.
                Combine(a, b, b, subtract: true);
                break;
            case FlacFrameHeader.SideRight:
                Combine(a, b, a, subtract: false);
                break;
            case FlacFrameHeader.MidSide when bitsPerSample <= 29:
                // mid·2 + side fits 31 bits: plain 32-bit vector arithmetic.
                MidSide32(a, b);
                break;
            case FlacFrameHeader.MidSide:
                for (var i = 0; i < a.Length; i++)
                {
                    long side = b[i];
                    var mid = ((long)a[i] << 1) | (side & 1);
                    a[i] = (int)((mid + side) >> 1);
                    b[i] = (int)((mid - side) >> 1);
                }

                break;
        }
    }

    private static void Combine(Span<int> a, Span<int> b, Span<int> result, bool subtract)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= a.Length - Vector<int>.Count; i += Vector<int>.Count)
            {
                var x = new Vector<int>(a[i..]);
                var y = new Vector<int>(b[i..]);
                (subtract ? x - y : x + y).CopyTo(result[i..]);
            }
        }

        for (; i < a.Length; i++)
        {
            result[i] = subtract ? a[i] - b[i] : a[i] + b[i];
        }
    }

    private static void MidSide32(Span<int> a, Span<int> b)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var one = Vector<int>.One;
            for (; i <= a.Length - Vector<int>.Count; i += Vector<int>.Count)
            {
                var side = new Vector<int>(b[i..]);
                var mid = (new Vector<int>(a[i..]) << 1) | (side & one);
                ((mid + side) >> 1).CopyTo(a[i..]);
                ((mid - side) >> 1).CopyTo(b[i..]);
            }
        }

        for (; i < a.Length; i++)
        {
            var side = b[i];
            var mid = (a[i] << 1) | (side & 1);
            a[i] = (mid + side) >> 1;
            b[i] = (mid - side) >> 1;
        }
    }

    /// <summary>For a 32-bit stream whose side channel (33 bits) is in <paramref name="side"/>.</summary>
    public static void UndoWide(int assignment, int[] first, int[] second, long[] side, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var s = side[i];
            switch (assignment)
            {
                case FlacFrameHeader.LeftSide:
                    second[i] = (int)(first[i] - s);
                    break;
                case FlacFrameHeader.SideRight:
                    first[i] = (int)(s + second[i]);
                    break;
                default:
                    var mid = ((long)first[i] << 1) | (s & 1);
                    first[i] = (int)((mid + s) >> 1);
                    second[i] = (int)((mid - s) >> 1);
                    break;
            }
        }
    }
}
