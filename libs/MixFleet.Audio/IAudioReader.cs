namespace MixFleet.Audio;

/// <summary>
/// A forward-only source of decoded audio. Shape borrowed from NAudio's readers, but planar:
/// <see cref="Read"/> fills an <see cref="AudioBuffer"/> and returns the number of frames, 0 at the end.
/// </summary>
public interface IAudioReader : IDisposable
{
    /// <summary>The stream's format and tags, known once the reader is open.</summary>
    AudioStreamInfo Info { get; }

    /// <summary>
    /// Decodes up to <see cref="AudioBuffer.CapacityFrames"/> frames into <paramref name="destination"/>
    /// (starting at frame 0), sets <see cref="AudioBuffer.Frames"/> and returns the count; 0 at the end.
    /// </summary>
    /// <exception cref="AudioDecodeException">The data is truncated or corrupt.</exception>
    int Read(AudioBuffer destination);
}
