using System.Numerics;

namespace MixFleet.Audio.Flac;

/// <summary>
/// Streams a FLAC file's frames into planar float blocks (full scale ±1.0, −2^(bits−1) maps to −1.0), one frame at a
/// time: memory is the bit reader's buffer (about one frame) plus one frame of samples. At the end it checks the
/// sample count STREAMINFO declares and the MD5 of everything decoded. Owns and disposes the stream.
/// </summary>
internal sealed class FlacReader : IAudioReader
{
    private readonly Stream _stream;
    private readonly string _name;
    private readonly FlacStreamInfo _streamInfo;
    private readonly FlacBitReader _bits;
    private readonly FlacFrameDecoder _frames;
    private readonly FlacMd5? _md5;
    private readonly float _scale;
    private int _frameOffset;
    private long _decoded;
    private bool _ended;
    private bool _finished;
    private bool _disposed;

    public FlacReader(Stream stream, string name, bool verifyMd5)
    {
        _stream = stream;
        _name = name;
        _bits = new FlacBitReader(stream, name);
        (_streamInfo, var tags) = FlacMetadataReader.Read(_bits, name);
        _frames = new FlacFrameDecoder(_bits, _streamInfo, name);
        _md5 = verifyMd5 && _streamInfo.HasMd5 ? new FlacMd5(_streamInfo.BitsPerSample) : null;
        _scale = (float)(1.0 / (1L << (_streamInfo.BitsPerSample - 1)));
        Info = new AudioStreamInfo
        {
            Container = "flac",
            Codec = "flac",
            SampleRate = _streamInfo.SampleRate,
            Channels = _streamInfo.Channels,
            BitDepth = _streamInfo.BitsPerSample,
            Layout = FlacChannelLayouts.Default(_streamInfo.Channels),
            TotalFrames = _streamInfo.TotalSamples > 0 ? _streamInfo.TotalSamples : null,
            Tags = tags,
        };
    }

    /// <inheritdoc />
    public AudioStreamInfo Info { get; }

    /// <summary>Bytes the bit reader holds, for tests of the memory bound.</summary>
    internal int BufferedBytes => _bits.BufferCapacity;

    /// <inheritdoc />
    public int Read(AudioBuffer destination, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(destination);
        if (destination.Channels != Info.Channels)
        {
            throw new ArgumentException(
                $"The buffer has {destination.Channels} channels but the stream has {Info.Channels}.", nameof(destination));
        }

        var done = 0;
        while (done < destination.CapacityFrames)
        {
            if (_frameOffset == _frames.BlockSize && !NextFrame())
            {
                // The end-of-stream checks run on the read that returns nothing, so every sample is delivered first.
                if (done == 0)
                {
                    Finish();
                }

                break;
            }

            var count = Math.Min(_frames.BlockSize - _frameOffset, destination.CapacityFrames - done);
            for (var c = 0; c < Info.Channels; c++)
            {
                Convert(_frames.Samples[c].AsSpan(_frameOffset, count), destination.ChannelStorage(c).AsSpan(done, count), _scale);
            }

            _frameOffset += count;
            done += count;
        }

        destination.Frames = done;
        return done;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _md5?.Dispose();
            _stream.Dispose();
        }
    }

    private bool NextFrame()
    {
        var total = _streamInfo.TotalSamples;
        if (_ended || (total > 0 && _decoded >= total) || !_frames.DecodeNext())
        {
            // Bytes after the last declared sample (an ID3v1 tag, padding) are not read.
            _ended = true;
            return false;
        }

        var blockSize = _frames.BlockSize;
        if (total > 0 && _decoded + blockSize > total)
        {
            throw AudioError.Create(
                AudioErrorCode.CorruptFrame,
                _name,
                $"the frames hold more than the {total:N0} samples per channel STREAMINFO declares");
        }

        _md5?.Append(_frames.Samples, blockSize);
        _decoded += blockSize;
        _frameOffset = 0;
        return true;
    }

    private void Finish()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        var total = _streamInfo.TotalSamples;
        if (total > 0 && _decoded < total)
        {
            throw AudioError.Create(
                AudioErrorCode.Truncated,
                _name,
                $"the stream ends after {_decoded:N0} of the {total:N0} samples per channel STREAMINFO declares");
        }

        if (_md5 is not null)
        {
            var actual = _md5.Finish();
            if (!actual.AsSpan().SequenceEqual(_streamInfo.Md5))
            {
                throw AudioError.Create(
                    AudioErrorCode.Md5Mismatch,
                    _name,
                    $"the decoded audio's MD5 is {System.Convert.ToHexStringLower(actual)}, STREAMINFO states {System.Convert.ToHexStringLower(_streamInfo.Md5)}: the audio is not what was encoded");
            }
        }
    }

    private static void Convert(ReadOnlySpan<int> source, Span<float> destination, float scale)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var factor = new Vector<float>(scale);
            for (; i <= source.Length - Vector<int>.Count; i += Vector<int>.Count)
            {
                (Vector.ConvertToSingle(new Vector<int>(source[i..])) * factor).CopyTo(destination[i..]);
            }
        }

        for (; i < source.Length; i++)
        {
            destination[i] = source[i] * scale;
        }
    }
}
