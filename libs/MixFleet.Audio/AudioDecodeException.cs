namespace MixFleet.Audio;

/// <summary>
/// A file that cannot be decoded, with a specific <see cref="Code"/> and a message naming the source and the fault.
/// It describes the input, never a bug: callers report it against the track and go on with the next one.
/// </summary>
public sealed class AudioDecodeException : Exception
{
    /// <summary>Creates the exception; the message is prefixed with the source name.</summary>
    public AudioDecodeException(AudioErrorCode code, string source, string detail, Exception? inner = null)
        : base($"{source}: {detail}", inner)
    {
        Code = code;
        Source = source;
        Detail = detail;
    }

    /// <summary>Why decoding failed.</summary>
    public AudioErrorCode Code { get; }

    /// <summary>The file or object name.</summary>
    public new string Source { get; }

    /// <summary>What is wrong, without the source name.</summary>
    public string Detail { get; }
}
