namespace MixFleet.Audio;

/// <summary>
/// A file that cannot be decoded, with a specific <see cref="Code"/> and a message naming the source and the fault.
/// It describes the input, never a bug: callers report it against the track and go on with the next one.
/// </summary>
public sealed class AudioDecodeException : Exception
{
    /// <summary>Creates the exception; the message is prefixed with the source name.</summary>
    public AudioDecodeException(AudioErrorCode code, string source, string detail, Exception? inner = null)
        : this(code, source, detail, transient: false, inner)
    {
    }

    /// <summary>
    /// Creates the exception; <paramref name="transient"/> when the cause is the machine, not the file (a decoder that
    /// timed out or was killed), so decoding the same bytes again may succeed.
    /// </summary>
    public AudioDecodeException(AudioErrorCode code, string source, string detail, bool transient, Exception? inner = null)
        : base($"{source}: {detail}", inner)
    {
        Code = code;
        Source = source;
        Detail = detail;
        Transient = transient;
    }

    /// <summary>Why decoding failed.</summary>
    public AudioErrorCode Code { get; }

    /// <summary>The file or object name.</summary>
    public new string Source { get; }

    /// <summary>
    /// True when the failure says nothing about the file: the decoder process timed out, was killed (by a signal,
    /// the OOM killer) or wedged. A caller that caches verdicts must not cache this one; retrying may succeed.
    /// </summary>
    public bool Transient { get; }

    /// <summary>What is wrong, without the source name.</summary>
    public string Detail { get; }
}
