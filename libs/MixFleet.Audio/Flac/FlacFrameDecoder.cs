namespace MixFleet.Audio.Flac;

/// <summary>
/// Decodes frames (RFC 9639 §9) one at a time into per-channel 32-bit samples: header, one subframe per channel
/// (residuals), padding to a byte, CRC-16 over the whole frame, then the predictors — two channels at a time where
/// both are predicted (<see cref="FlacLpcPairPredictor"/>) — and the stereo decorrelation. The sample buffers are
/// sized to the largest block seen, at most 65,536 samples per channel.
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
    private readonly int[][] _coefficients;
    private readonly FlacPrediction[] _predictions;

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

        _coefficients = new int[info.Channels][];
        for (var c = 0; c < info.Channels; c++)
        {
            _coefficients[c] = new int[FlacLpcPredictor.MaxOrder];
        }

        _predictions = new FlacPrediction[info.Channels];
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
                _predictions[c] = FlacSubframeDecoder.Decode(_reader, _samples[c].AsSpan(0, header.BlockSize), _coefficients[c], bits, frame);
            }
            else
            {
                _predictions[c] = default; // restored (and its wasted bits shifted) by the wide decoder
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

        Restore(header.BlockSize);
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

    // Runs the predictors over the residuals: channel pairs with an LPC predictor each (or LPC and fixed) through the
    // two-lane kernels, the others one at a time; then the wasted bits.
    private void Restore(int blockSize)
    {
        var c = 0;
        if (FlacLpcPairPredictor.IsSupported)
        {
            for (; c + 1 < _predictions.Length; c += 2)
            {
                FlacPrediction p = _predictions[c], q = _predictions[c + 1];
                if (!Pairable(p, q))
                {
                    RestoreOne(c, blockSize);
                    RestoreOne(c + 1, blockSize);
                    continue;
                }

                FlacLpcPairPredictor.Restore(
                    _samples[c].AsSpan(0, blockSize), Coefficients(c, p), p.Shift,
                    _samples[c + 1].AsSpan(0, blockSize), Coefficients(c + 1, q), q.Shift);
                FlacSubframeDecoder.ShiftWasted(_samples[c].AsSpan(0, blockSize), p.Wasted);
                FlacSubframeDecoder.ShiftWasted(_samples[c + 1].AsSpan(0, blockSize), q.Wasted);
            }
        }

        for (; c < _predictions.Length; c++)
        {
            RestoreOne(c, blockSize);
        }
    }

    // Two LPC predictors, or LPC and fixed; two fixed predictors are cheaper in their own 32-bit loops.
    private static bool Pairable(FlacPrediction p, FlacPrediction q) =>
        p.Order > 0 && q.Order > 0 && !(p.IsFixed && q.IsFixed)
        && p.Order <= FlacLpcPairPredictor.MaxOrder && q.Order <= FlacLpcPairPredictor.MaxOrder;

    private ReadOnlySpan<int> Coefficients(int channel, FlacPrediction prediction) => prediction.IsFixed
        ? FlacPrediction.FixedCoefficients(prediction.Order)
        : _coefficients[channel].AsSpan(0, prediction.Order);

    private void RestoreOne(int channel, int blockSize) =>
        FlacSubframeDecoder.Restore(_samples[channel].AsSpan(0, blockSize), _coefficients[channel], _predictions[channel]);

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
