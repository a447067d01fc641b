namespace MixFleet.Audio.Pcm;

/// <summary>
/// Streams the interleaved samples of a WAV/RF64/AIFF data chunk into planar float blocks. The byte buffer is
/// allocated once, on the first <see cref="Read"/>, sized from the block capacity and bounded by
/// <see cref="MaxBufferBytes"/>; larger blocks are decoded in several passes. Owns and disposes the stream.
/// </summary>
internal sealed class PcmReader : IAudioReader
{
    /// <summary>Upper bound of the per-reader byte buffer.</summary>
    public const int MaxBufferBytes = 1 << 20;

    private readonly Stream _stream;
    private readonly PcmFormat _format;
    private readonly string _name;
    private readonly long _dataBytes;
    private long _framesRemaining;
    private long _framesDelivered;
    private long _bytesConsumed;
    private byte[]? _buffer;
    private bool _disposed;

    public PcmReader(Stream stream, string name, PcmHeader header)
    {
        _stream = stream;
        _name = name;
        _format = header.Format;
        _dataBytes = header.DataBytes;
        _framesRemaining = header.Frames;
        Info = new AudioStreamInfo
        {
            Container = header.Container,
            Codec = _format.Codec,
            SampleRate = _format.SampleRate,
            Channels = _format.Channels,
            BitDepth = _format.ContainerBits,
            ValidBitsPerSample = _format.ValidBits,
            Layout = _format.Layout,
            TotalFrames = header.Frames,
            Tags = header.Tags,
        };
    }

    /// <inheritdoc />
    public AudioStreamInfo Info { get; }

    /// <inheritdoc />
    public int Read(AudioBuffer destination, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(destination);
        if (destination.Channels != _format.Channels)
        {
            throw new ArgumentException(
                $"The buffer has {destination.Channels} channels but the stream has {_format.Channels}.", nameof(destination));
        }

        var want = (int)Math.Min(destination.CapacityFrames, _framesRemaining);
        destination.Frames = 0;
        if (want == 0)
        {
            return 0;
        }

        var blockAlign = _format.BlockAlign;
        _buffer ??= new byte[(int)Math.Min(Math.Min(destination.CapacityFrames, _framesRemaining), Math.Max(1, MaxBufferBytes / blockAlign)) * blockAlign];
        var passFrames = _buffer.Length / blockAlign;
        var done = 0;
        while (done < want)
        {
            var frames = Math.Min(want - done, passFrames);
            var bytes = _buffer.AsSpan(0, frames * blockAlign);
            var got = Fill(bytes);
            _bytesConsumed += got;
            if (got < bytes.Length)
            {
                throw AudioError.Create(
                    AudioErrorCode.Truncated,
                    _name,
                    $"the data chunk declares {_dataBytes:N0} bytes but the file ends after {_bytesConsumed:N0} of them");
            }

            PcmSampleConverter.Convert(_format, bytes, frames, destination, done);
            done += frames;
        }

        _framesRemaining -= done;
        destination.Frames = done;
        if (_format.Kind is PcmSampleKind.F32 or PcmSampleKind.F64)
        {
            SampleRangeCheck.Check(destination, _framesDelivered, _name);
        }

        _framesDelivered += done;
        return done;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _stream.Dispose();
        }
    }

    private int Fill(Span<byte> bytes)
    {
        try
        {
            return _stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        }
        catch (IOException ex)
        {
            throw AudioError.Create(AudioErrorCode.IoError, _name, $"the audio data could not be read ({ex.Message})", ex);
        }
    }
}
