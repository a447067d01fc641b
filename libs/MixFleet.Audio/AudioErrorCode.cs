namespace MixFleet.Audio;

/// <summary>
/// Why a file could not be decoded. Each value is reported as a stable kebab-case code
/// (see <see cref="AudioErrorCodes.ToCode"/>) in track reports and logs; docs/decoder-errors.md lists them.
/// </summary>
public enum AudioErrorCode
{
    /// <summary><c>file-not-found</c>: the path does not exist.</summary>
    FileNotFound,

    /// <summary><c>empty-file</c>: zero bytes.</summary>
    EmptyFile,

    /// <summary><c>not-audio</c>: no known container signature, and ffprobe finds no audio stream.</summary>
    NotAudio,

    /// <summary><c>truncated</c>: the file ends inside a header or inside the audio data.</summary>
    Truncated,

    /// <summary><c>data-chunk-overrun</c>: a chunk declares more bytes than the file holds.</summary>
    DataChunkOverrun,

    /// <summary><c>invalid-header</c>: a header field is impossible or absurd (channels, sample rate, block alignment, sizes).</summary>
    InvalidHeader,

    /// <summary><c>unsupported-encoding</c>: a valid container holding an encoding this decoder cannot read.</summary>
    UnsupportedEncoding,

    /// <summary><c>decoder-not-installed</c>: the file needs ffmpeg/ffprobe and they are not on the PATH.</summary>
    DecoderNotInstalled,

    /// <summary><c>decoder-failed</c>: ffmpeg could not decode the stream (corrupt compressed data).</summary>
    DecoderFailed,

    /// <summary><c>io-error</c>: the file could not be read (permissions, device errors).</summary>
    IoError,

    /// <summary><c>lost-sync</c>: where a FLAC frame must start, the bytes are not a frame sync code.</summary>
    LostSync,

    /// <summary><c>header-crc-mismatch</c>: a FLAC frame header's CRC-8 does not match its bytes.</summary>
    HeaderCrcMismatch,

    /// <summary><c>frame-crc-mismatch</c>: a FLAC frame's CRC-16 does not match its bytes (the audio data is damaged).</summary>
    FrameCrcMismatch,

    /// <summary><c>corrupt-frame</c>: a FLAC frame's content is impossible (reserved codes, a partition order or sample count the block cannot hold).</summary>
    CorruptFrame,

    /// <summary>
    /// <c>md5-mismatch</c>: every frame decoded cleanly but the MD5 of the decoded audio differs from the one the
    /// encoder stored in STREAMINFO: the audio is not what was encoded (<c>flac -t</c> fails such a file too).
    /// </summary>
    Md5Mismatch,

    /// <summary>
    /// <c>too-large</c>: the stream is larger than the decoder may spool to a temporary file for ffmpeg
    /// (<c>FfmpegOptions.MaxSpoolBytes</c> of MixFleet.Audio.Ffmpeg): a limit of the deployment, not a fault of the file.
    /// </summary>
    TooLarge,

    /// <summary>
    /// <c>sample-out-of-range</c>: a floating-point sample is NaN, infinite, or beyond
    /// ±<see cref="AudioLimits.MaxFloatSample"/>: not audio (damaged float data, or a 64-bit value no float holds),
    /// and no loudness can be measured from it.
    /// </summary>
    SampleOutOfRange,

    /// <summary>
    /// <c>encoder-not-available</c>: the codec preview (<c>CodecRoundTrip</c> of MixFleet.Audio.Ffmpeg) needs an ffmpeg encoder this
    /// ffmpeg was built without (e.g. <c>libopus</c>): a limit of the machine, reported for that codec only.
    /// </summary>
    EncoderNotAvailable,
}
