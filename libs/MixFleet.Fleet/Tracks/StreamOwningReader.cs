using MixFleet.Audio;

namespace MixFleet.Fleet.Tracks;

/// <summary>A reader over an object's body that disposes the body with it (the decoders leave a given stream open).</summary>
internal sealed class StreamOwningReader(IAudioReader reader, Stream stream) : IAudioReader
{
    /// <inheritdoc />
    public AudioStreamInfo Info => reader.Info;

    /// <inheritdoc />
    public int Read(AudioBuffer destination, CancellationToken cancellationToken = default) => reader.Read(destination, cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        reader.Dispose();
        stream.Dispose();
    }
}
