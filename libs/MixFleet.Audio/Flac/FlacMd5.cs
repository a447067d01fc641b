using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;

namespace MixFleet.Audio.Flac;

/// <summary>
/// The STREAMINFO MD5 (RFC 9639 §8.2): MD5 of the decoded samples, interleaved, each as a little-endian two's
/// complement integer of ⌈bits/8⌉ bytes. An integrity check defined by the format, not a security measure.
/// </summary>
/// <remarks>
/// The hash itself (OpenSSL's MD5 through <see cref="IncrementalHash"/>, ~4.7 cycles per byte) is most of the cost;
/// the packing of stereo 16- and 24-bit frames into those bytes runs four frames per step with byte shuffles.
/// </remarks>
internal sealed class FlacMd5 : IDisposable
{
#pragma warning disable CA5351 // MD5 is what the FLAC format stores; it checks integrity, it protects nothing.
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
#pragma warning restore CA5351
    private readonly int _bytesPerSample;
    private byte[] _scratch = [];

    public FlacMd5(int bitsPerSample)
    {
        _bytesPerSample = (bitsPerSample + 7) / 8;
    }

    /// <summary>Adds one frame's samples.</summary>
    public void Append(int[][] channels, int count)
    {
        var frameBytes = channels.Length * _bytesPerSample;
        var size = count * frameBytes;
        if (_scratch.Length < size)
        {
            _scratch = new byte[size];
        }

        // Writes go through a ref into the scratch array, sized above: no bounds check per byte. Unaligned writes of
        // short/int store little-endian, as the MD5 input wants, on every platform .NET runs on here (x64, Arm64).
        ref var bytes = ref MemoryMarshal.GetArrayDataReference(_scratch);
        var done = channels.Length == 2 && _bytesPerSample is 2 or 3 && Ssse3.IsSupported
            ? PackStereo(channels[0], channels[1], count, ref bytes)
            : 0;
        for (var c = 0; c < channels.Length; c++)
        {
            ref var sample = ref MemoryMarshal.GetArrayDataReference(channels[c]);
            ref var output = ref Unsafe.Add(ref bytes, c * _bytesPerSample);
            for (var i = done; i < count; i++)
            {
                var v = Unsafe.Add(ref sample, i);
                ref var o = ref Unsafe.Add(ref output, i * frameBytes);
                switch (_bytesPerSample)
                {
                    case 1:
                        o = (byte)v;
                        break;
                    case 2:
                        Unsafe.WriteUnaligned(ref o, (short)v);
                        break;
                    case 3:
                        Unsafe.WriteUnaligned(ref o, (short)v);
                        Unsafe.Add(ref o, 2) = (byte)(v >> 16);
                        break;
                    default:
                        Unsafe.WriteUnaligned(ref o, v);
                        break;
                }
            }
        }

        _hash.AppendData(_scratch, 0, size);
    }

    // Four stereo frames per step: the two channels interleaved (unpack), then each sample's low 2 or 3 bytes kept
    // (shuffle) and stored; returns the frames packed. Every 16-byte store stays inside the scratch: it writes at most
    // 4 bytes past a step's output, which the next frame (or the scalar loop's frames after it) overwrites, and the
    // loop stops while four or more frames' bytes follow.
    private int PackStereo(int[] left, int[] right, int count, ref byte output)
    {
        var frameBytes = 2 * _bytesPerSample;
        var keep = _bytesPerSample == 3 ? Keep3 : Keep2;
        ref var l = ref MemoryMarshal.GetArrayDataReference(left);
        ref var r = ref MemoryMarshal.GetArrayDataReference(right);
        var i = 0;
        for (; i + 8 <= count; i += 4)
        {
            var a = Vector128.LoadUnsafe(ref l, (nuint)i);
            var b = Vector128.LoadUnsafe(ref r, (nuint)i);
            ref var o = ref Unsafe.Add(ref output, i * frameBytes);
            Ssse3.Shuffle(Sse2.UnpackLow(a, b).AsByte(), keep).StoreUnsafe(ref o);
            Ssse3.Shuffle(Sse2.UnpackHigh(a, b).AsByte(), keep).StoreUnsafe(ref Unsafe.Add(ref o, 2 * frameBytes));
        }

        return i;
    }

    // Byte indices of the low 3 (or 2) bytes of four little-endian ints; the unused tail (0x80) is zeroed.
    private static readonly Vector128<byte> Keep3 = Vector128.Create((byte)0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 0x80, 0x80, 0x80, 0x80);
    private static readonly Vector128<byte> Keep2 = Vector128.Create((byte)0, 1, 4, 5, 8, 9, 12, 13, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80);

    /// <summary>The digest of everything appended.</summary>
    public byte[] Finish() => _hash.GetHashAndReset();

    public void Dispose() => _hash.Dispose();
}
