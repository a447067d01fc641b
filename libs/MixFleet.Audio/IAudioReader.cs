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
    /// <remarks>
    /// <paramref name="cancellationToken"/> is honoured at each call and, where the reader waits on something outside the
    /// process (ffmpeg's pipe), while it waits: the read then ends with <see cref="OperationCanceledException"/>. A
    /// reader over a stream that can stall (an S3 body) also relies on that stream's own timeouts.
    /// </remarks>
    /// <exception cref="AudioDecodeException">The data is truncated or corrupt.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    int Read(AudioBuffer destination, CancellationToken cancellationToken = default);
}
