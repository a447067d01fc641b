namespace MixFleet.Audio.Flac;

/// <summary>
/// Decodes frames (RFC 9639 §9) one at a time into per-channel 32-bit samples: header, one subframe per channel,
/// padding to a byte, CRC-16 over the whole frame, then stereo decorrelation. The sample buffers are sized to the
/// largest block seen, at most 65,536 samples per channel.
/// </summary>
internal sealed class FlacFrameDecoder
{
    private const int MaxBlockSize = 65_536;

    private readonly FlacBitReader _reader;
    private readonly FlacStreamInfo _info;
    private readonly string _name;
    private int[][] _samples;
    private long[]? _wide;
    private int[]? _residuals;

    public FlacFrameDecoder(FlacBitReader reader, FlacStreamInfo info, string name)
    {
        _reader = reader;
        _info = info;
        _name = name;
        var capacity = Math.Clamp(info.MaxBlockSize, 16, MaxBlockSize);
        _samples = new int[info.Channels][];
        for (var c = 0; c < info.Channels; c++)
        {
            _samples[c] = new int[capacity];
        }
    }

    /// <summary>The samples of the last frame decoded, one array per channel (valid up to <see cref="BlockSize"/>).</summary>
    public int[][] Samples => _samples;

    /// <summary>Samples per channel in the last frame decoded.</summary>
    public int BlockSize { get; private set; }

    /// <summary>The last frame's header.</summary>
    public FlacFrameHeader Header { get; private set; }

    /// <summary>Decodes the next frame; false when the stream has ended cleanly at a frame boundary.</summary>
    public bool DecodeNext()
    {
        if (!_reader.BeginFrame())
        {
            return false;
        }

        var frame = new FlacFrameContext(_name, _reader.FrameOffset);
        var header = FlacFrameHeader.Read(_reader, _info, frame);
        EnsureCapacity(header.BlockSize);
        for (var c = 0; c < header.Channels; c++)
        {
            var bits = header.SubframeBits(c);
            if (bits <= 32)
            {
                FlacSubframeDecoder.Decode(_reader, _samples[c].AsSpan(0, header.BlockSize), bits, frame);
            }
            else
            {
                _wide ??= new long[_samples[c].Length];
                _residuals ??= new int[_samples[c].Length];
                FlacWideSubframeDecoder.Decode(_reader, _wide.AsSpan(0, header.BlockSize), _residuals.AsSpan(0, header.BlockSize), bits, frame);
            }
        }

        _reader.AlignToByte();
        var computed = FlacCrc.Crc16(_reader.FrameBytes);
        var stored = _reader.ReadBits(16);
        _ = _reader.FrameBytes; // throws when the stored CRC itself ran past the end

        if (computed != stored)
        {
            throw AudioError.Create(
                AudioErrorCode.FrameCrcMismatch,
                _name,
                $"the CRC-16 of the frame at offset {frame.Offset:N0} is 0x{stored:X4}, its bytes give 0x{computed:X4}: the audio data is damaged");
        }

        var side = header.ChannelAssignment == FlacFrameHeader.SideRight ? 0 : 1;
        if (header.SubframeBits(side) > 32)
        {
            FlacStereoDecorrelation.UndoWide(header.ChannelAssignment, _samples[0], _samples[1], _wide!, header.BlockSize);
        }
        else
        {
            FlacStereoDecorrelation.Undo(header.ChannelAssignment, header.BitsPerSample, _samples[0], _samples.Length > 1 ? _samples[1] : _samples[0], header.BlockSize);
        }

        Header = header;
        BlockSize = header.BlockSize;
        return true;
    }

    private void EnsureCapacity(int blockSize)
    {
        if (blockSize <= _samples[0].Length)
        {
            return;
        }

        for (var c = 0; c < _samples.Length; c++)
        {
            _samples[c] = new int[Math.Min(Math.Max(blockSize, _samples[c].Length * 2), MaxBlockSize)];
        }

        _wide = null;
        _residuals = null;
    }
}
