using MixFleet.Audio;

namespace MixFleet.Testing;

/// <summary>An in-memory reader over planar arrays, for testing the engine without any container.</summary>
public sealed class ArrayAudioReader(float[][] channels, int sampleRate, ChannelLayout? layout = null, string codec = "pcm_f32le", int bitDepth = 32) : IAudioReader
{
    private int _position;

    public AudioStreamInfo Info { get; } = new()
    {
        Container = "memory",
        Codec = codec,
        SampleRate = sampleRate,
        Channels = channels.Length,
        BitDepth = bitDepth,
        Layout = layout ?? ChannelLayout.Default(channels.Length),
        TotalFrames = channels[0].Length,
    };

    public int Read(AudioBuffer destination, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var frames = Math.Min(destination.CapacityFrames, channels[0].Length - _position);
        for (var c = 0; c < channels.Length; c++)
        {
            channels[c].AsSpan(_position, frames).CopyTo(destination.ChannelStorage(c));
        }

        destination.Frames = frames;
        _position += frames;
        return frames;
    }

    public void Dispose()
    {
    }
}
