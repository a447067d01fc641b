namespace MixFleet.Audio.Tests.Flac;

/// <summary>
/// A small FLAC writer for what ffmpeg 5.1's encoder cannot make: 8-, 12-, 20- and 32-bit samples, 3 to 8 channels,
/// the 33-bit side channel of 32-bit stereo. Written from RFC 9639, independent of the decoder: every frame rotates
/// through the subframe kinds (constant, verbatim, fixed orders 0–4, LPC with fixed test coefficients, wasted bits,
/// escape partitions, 5-bit Rice parameters) and, for stereo, through the four channel assignments. The decoded
/// audio must equal the integers given.
/// </summary>
internal static class FlacTestEncoder
{
    private static readonly int[][] LpcCoefficients = [[3, -1], [7, -5, 3, -1, 1, -1, 1, -1], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]];

    /// <summary>Frames of 4096 samples (block size code 12); the last one shorter.</summary>
    public const int BlockSize = 4096;

    public static byte[] Encode(int[][] channels, int bits, int sampleRate)
    {
        const int blockSize = BlockSize;
        var total = channels[0].Length;
        var writer = new BitWriter();
        writer.Bytes("fLaC"u8);
        writer.Bits(0x80, 8); // last block, STREAMINFO
        writer.Bits(34, 24);
        writer.Bits((ulong)blockSize, 16);
        writer.Bits((ulong)blockSize, 16);
        writer.Bits(0, 24);
        writer.Bits(0, 24);
        writer.Bits((ulong)sampleRate, 20);
        writer.Bits((ulong)(channels.Length - 1), 3);
        writer.Bits((ulong)(bits - 1), 5);
        writer.Bits((ulong)total, 36);
        writer.Bytes(FlacFileParts.Md5(channels, bits));
        for (int start = 0, frame = 0; start < total; start += blockSize, frame++)
        {
            var count = Math.Min(blockSize, total - start);
            writer.Bytes(Frame(channels.Select(c => c.AsSpan(start, count).ToArray()).ToArray(), bits, frame, count == blockSize ? blockSize : -count));
        }

        return writer.ToArray();
    }

    private static byte[] Frame(int[][] block, int bits, int frame, int sizeOrShort)
    {
        var count = Math.Abs(sizeOrShort);
        var assignment = block.Length == 2 ? 8 + (frame % 4) : block.Length - 1; // 8, 9, 10 = stereo modes, 11 → independent
        if (assignment == 11)
        {
            assignment = 1;
        }

        var w = new BitWriter();
        w.Bits(0xFFF8, 16);
        w.Bits(sizeOrShort > 0 ? 12UL : 7UL, 4); // 12: 4096 (the test's block size), 7: 16-bit count − 1 follows
        w.Bits(0, 4); // sample rate from STREAMINFO
        w.Bits((ulong)assignment, 4);
        w.Bits(bits switch { 8 => 1UL, 12 => 2, 16 => 4, 20 => 5, 24 => 6, 32 => 7, _ => 0 }, 3);
        w.Bits(0, 1);
        w.Bits((ulong)frame, 8); // frame numbers < 128: one byte
        if (sizeOrShort < 0)
        {
            w.Bits((ulong)(count - 1), 16);
        }

        w.Bits(FlacFileParts.Crc8(w.ToArray()), 8);
        var (subframes, sideIndex) = Decorrelate(block, assignment);
        for (var c = 0; c < subframes.Length; c++)
        {
            Subframe(w, subframes[c], bits + (c == sideIndex ? 1 : 0), (frame * 3) + c);
        }

        w.Align();
        w.Bits((ulong)FlacFileParts.Crc16(w.ToArray()), 16);
        return w.ToArray();
    }

    private static (long[][] Subframes, int Side) Decorrelate(int[][] block, int assignment)
    {
        var l = block[0];
        var r = block.Length > 1 ? block[1] : block[0];
        long[] Map(Func<int, long> f) => Enumerable.Range(0, l.Length).Select(f).ToArray();
        return assignment switch
        {
            8 => ([Map(i => l[i]), Map(i => (long)l[i] - r[i])], 1),
            9 => ([Map(i => (long)l[i] - r[i]), Map(i => r[i])], 0),
            10 => ([Map(i => ((long)l[i] + r[i]) >> 1), Map(i => (long)l[i] - r[i])], 1),
            _ => (block.Select(ch => ch.Select(v => (long)v).ToArray()).ToArray(), -1),
        };
    }

    private static void Subframe(BitWriter w, long[] samples, int bits, int variant)
    {
        // Wasted bits when every sample's low 4 bits are zero (the tests give some channels such samples).
        var wasted = bits > 8 && variant % 5 != 0 && samples.All(s => (s & 0xF) == 0) ? 4 : 0;
        var shifted = samples.Select(s => s >> wasted).ToArray();
        var b = bits - wasted;
        var kind = shifted.All(s => s == shifted[0]) ? -1 : variant % 8;
        long[] coefficients = kind switch
        {
            <= 0 => [],
            <= 5 => (kind - 1) switch { 0 => [], 1 => [1], 2 => [2, -1], 3 => [3, -3, 1], _ => [4, -6, 4, -1] },
            _ => LpcCoefficients[kind - 6 + (variant % 2)].Select(c => (long)c).ToArray(),
        };
        var shift = coefficients.Length > 8 ? 4 : kind > 5 ? 1 : 0;
        var order = coefficients.Length;
        var residual = new long[shifted.Length];
        for (var i = order; i < shifted.Length && kind > 0; i++)
        {
            long sum = 0;
            for (var j = 0; j < order; j++)
            {
                sum += coefficients[j] * shifted[i - 1 - j];
            }

            residual[i] = shifted[i] - (sum >> shift);
        }

        if (residual.Any(r => Math.Abs(r) >= 1L << 29))
        {
            kind = 0; // RFC 9639 §9.2.7: residuals must fit 32 bits; an encoder falls back to verbatim
        }

        w.Bits(0, 1);
        w.Bits(kind switch { -1 => 0UL, 0 => 1UL, <= 5 => 8UL + (ulong)(kind - 1), _ => 32UL + (ulong)(order - 1) }, 6);
        w.Bits(wasted > 0 ? 1UL : 0UL, 1);
        if (wasted > 0)
        {
            w.Bits(1, wasted); // wasted − 1 zeros, then a one
        }

        if (kind <= 0)
        {
            foreach (var s in kind == -1 ? shifted[..1] : shifted)
            {
                w.Signed(s, b);
            }

            return;
        }

        for (var i = 0; i < order; i++)
        {
            w.Signed(shifted[i], b);
        }

        if (kind > 5)
        {
            w.Bits(15 - 1, 4); // precision 15
            w.Bits((ulong)shift, 5);
            foreach (var c in coefficients)
            {
                w.Signed(c, 15);
            }
        }

        Residual(w, residual, order, variant);
    }

    private static void Residual(BitWriter w, long[] residual, int order, int variant)
    {
        var fiveBit = variant % 3 == 0;
        var partitionOrder = residual.Length % 4 == 0 && residual.Length / 4 >= order ? 2 : 0;
        w.Bits(fiveBit ? 1UL : 0UL, 2);
        w.Bits((ulong)partitionOrder, 4);
        var size = residual.Length >> partitionOrder;
        for (var p = 0; p < 1 << partitionOrder; p++)
        {
            var part = residual.AsSpan((p * size) + (p == 0 ? order : 0), size - (p == 0 ? order : 0));
            var max = part.Length == 0 ? 0 : part.ToArray().Max(v => Math.Abs(v));
            var k = max == 0 ? 0 : Math.Max(0, (int)Math.Ceiling(Math.Log2(max + 1)) - 1);
            if ((variant + p) % 4 == 3 || k > (fiveBit ? 30 : 14))
            {
                // Escape: plain signed binary of a width that holds every value.
                var width = 1 + (max == 0 ? 0 : (int)Math.Ceiling(Math.Log2(max + 1)));
                w.Bits(fiveBit ? 31UL : 15UL, fiveBit ? 5 : 4);
                w.Bits((ulong)width, 5);
                foreach (var v in part)
                {
                    w.Signed(v, width);
                }

                continue;
            }

            w.Bits((ulong)k, fiveBit ? 5 : 4);
            foreach (var v in part)
            {
                var folded = (ulong)((v << 1) ^ (v >> 63));
                for (var q = folded >> k; q > 0; q--)
                {
                    w.Bits(0, 1);
                }

                w.Bits(1, 1);
                w.Bits(folded & ((1UL << k) - 1), k);
            }
        }
    }

    private sealed class BitWriter
    {
        private readonly List<byte> _bytes = [];
        private int _bit;

        public void Bits(ulong value, int count)
        {
            for (var i = count - 1; i >= 0; i--)
            {
                if (_bit == 0)
                {
                    _bytes.Add(0);
                }

                _bytes[^1] |= (byte)(((value >> i) & 1) << (7 - _bit));
                _bit = (_bit + 1) & 7;
            }
        }

        public void Signed(long value, int count) => Bits((ulong)value & (count == 64 ? ulong.MaxValue : (1UL << count) - 1), count);

        public void Bytes(ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                Bits(b, 8);
            }
        }

        public void Align() => _bit = 0;

        public byte[] ToArray() => [.. _bytes];
    }
}
