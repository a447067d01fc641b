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

        var bytes = _scratch.AsSpan(0, size);
        for (var c = 0; c < channels.Length; c++)
        {
            var samples = channels[c].AsSpan(0, count);
            var offset = c * _bytesPerSample;
            switch (_bytesPerSample)
            {
                case 1:
                    for (var i = 0; i < samples.Length; i++, offset += frameBytes)
                    {
                        bytes[offset] = (byte)samples[i];
                    }

                    break;
                case 2:
                    for (var i = 0; i < samples.Length; i++, offset += frameBytes)
                    {
                        System.Buffers.Binary.BinaryPrimitives.WriteInt16LittleEndian(bytes[offset..], (short)samples[i]);
                    }

                    break;
                case 3:
                    for (var i = 0; i < samples.Length; i++, offset += frameBytes)
                    {
                        var v = samples[i];
                        bytes[offset] = (byte)v;
                        bytes[offset + 1] = (byte)(v >> 8);
                        bytes[offset + 2] = (byte)(v >> 16);
                    }

                    break;
                default:
                    for (var i = 0; i < samples.Length; i++, offset += frameBytes)
                    {
                        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes[offset..], samples[i]);
                    }

                    break;
            }
        }

        _hash.AppendData(bytes);
    }

    /// <summary>The digest of everything appended.</summary>
    public byte[] Finish() => _hash.GetHashAndReset();

    public void Dispose() => _hash.Dispose();
}
