namespace MixFleet.Audio;

/// <summary>Maps <see cref="AudioErrorCode"/> to the stable strings used in reports.</summary>
public static class AudioErrorCodes
{
    /// <summary>The kebab-case code of an error, e.g. <c>data-chunk-overrun</c>.</summary>
    public static string ToCode(this AudioErrorCode code) => code switch
    {
        AudioErrorCode.FileNotFound => "file-not-found",
        AudioErrorCode.EmptyFile => "empty-file",
        AudioErrorCode.NotAudio => "not-audio",
        AudioErrorCode.Truncated => "truncated",
        AudioErrorCode.DataChunkOverrun => "data-chunk-overrun",
        AudioErrorCode.InvalidHeader => "invalid-header",
        AudioErrorCode.UnsupportedEncoding => "unsupported-encoding",
        AudioErrorCode.DecoderNotInstalled => "decoder-not-installed",
        AudioErrorCode.DecoderFailed => "decoder-failed",
        AudioErrorCode.IoError => "io-error",
        AudioErrorCode.LostSync => "lost-sync",
        AudioErrorCode.HeaderCrcMismatch => "header-crc-mismatch",
        AudioErrorCode.FrameCrcMismatch => "frame-crc-mismatch",
        AudioErrorCode.CorruptFrame => "corrupt-frame",
        AudioErrorCode.Md5Mismatch => "md5-mismatch",
        AudioErrorCode.TooLarge => "too-large",
        AudioErrorCode.SampleOutOfRange => "sample-out-of-range",
        AudioErrorCode.EncoderNotAvailable => "encoder-not-available",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };
}
