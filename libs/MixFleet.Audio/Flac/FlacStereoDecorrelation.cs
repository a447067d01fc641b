namespace MixFleet.Audio.Flac;

/// <summary>
/// Undoes the stereo decorrelation modes (RFC 9639 §4.2): left/side (right = left − side), side/right
/// (left = side + right) and mid/side (mid = mid·2 + (side &amp; 1); left = (mid + side) / 2; right = (mid − side) / 2,
/// shifts arithmetic). Independent channels need nothing.
/// </summary>
internal static class FlacStereoDecorrelation
{
    /// <summary>For channels of up to 32 bits; a 32-bit mid/side pair is summed in 64 bits.</summary>
    public static void Undo(int assignment, int[] first, int[] second, int count)
    {
        var a = first.AsSpan(0, count);
        var b = second.AsSpan(0, count);
        switch (assignment)
        {
            case FlacFrameHeader.LeftSide:
                // Wrap-around is exact: the result fits 32 bits.
                for (var i = 0; i < a.Length; i++)
                {
                    b[i] = a[i] - b[i];
                }

                break;
            case FlacFrameHeader.SideRight:
                for (var i = 0; i < a.Length; i++)
                {
                    a[i] += b[i];
                }

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
