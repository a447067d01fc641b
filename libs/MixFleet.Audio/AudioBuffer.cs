namespace MixFleet.Audio;

/// <summary>
/// A block of decoded audio in planar layout: one contiguous <see cref="float"/> array per channel,
/// nominal full scale at ±1.0 (values beyond it are kept, never clamped).
/// </summary>
/// <remarks>
/// A buffer is allocated once per track and reused for every block, so decoding allocates nothing per block.
/// </remarks>
public sealed class AudioBuffer
{
    private readonly float[][] _channels;

    /// <summary>Creates a buffer for <paramref name="channels"/> channels of up to <paramref name="capacityFrames"/> frames.</summary>
    public AudioBuffer(int channels, int capacityFrames)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityFrames, 1);
        _channels = new float[channels][];
        for (var c = 0; c < channels; c++)
        {
            _channels[c] = new float[capacityFrames];
        }

        CapacityFrames = capacityFrames;
    }

    /// <summary>Number of channels.</summary>
    public int Channels => _channels.Length;

    /// <summary>Maximum number of frames the buffer holds.</summary>
    public int CapacityFrames { get; }

    /// <summary>Number of valid frames, set by the reader that last filled the buffer.</summary>
    public int Frames { get; set; }

    /// <summary>The valid samples of one channel.</summary>
    public Span<float> Channel(int channel) => _channels[channel].AsSpan(0, Frames);

    /// <summary>The whole backing array of one channel, for readers that fill the buffer.</summary>
    public float[] ChannelStorage(int channel) => _channels[channel];
}
