using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace MixFleet.Audio.Flac;

/// <summary>
/// The STREAMINFO MD5 (RFC 9639 §8.2): MD5 of the decoded samples, interleaved, each as a little-endian two's
/// complement integer of ⌈bits/8⌉ bytes. An integrity check defined by the format, not a security measure.
/// </summary>
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
        for (var c = 0; c < channels.Length; c++)
        {
            ref var sample = ref MemoryMarshal.GetArrayDataReference(channels[c]);
            ref var output = ref Unsafe.Add(ref bytes, c * _bytesPerSample);
            for (var i = 0; i < count; i++)
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

    /// <summary>The digest of everything appended.</summary>
    public byte[] Finish() => _hash.GetHashAndReset();

    public void Dispose() => _hash.Dispose();
}
