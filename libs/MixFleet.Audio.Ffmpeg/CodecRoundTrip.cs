using System.Globalization;

namespace MixFleet.Audio.Ffmpeg;

/// <summary>
/// The codec preview's signal path: a track encoded by ffmpeg to a lossy codec and decoded again, as a listener's player
/// would, read as an <see cref="IAudioReader"/>. Everything streams: the source's decoded PCM is piped into one ffmpeg
/// (the encoder), its encoded stream is copied into a second ffmpeg (the decoder), whose float PCM is read; no
/// temporary file, memory bounded by the pipes.
/// </summary>
/// <remarks>
/// <code>
/// source reader ─f32le─▶ ffmpeg -f f32le -i pipe:0 -c:a aac -b:a 256k -f adts pipe:1 ─▶ ffmpeg -f adts -i pipe:0 -f f32le pipe:1 ─▶ Read
/// </code>
/// The decoder's output is float, so whatever the decode puts above full scale is kept. See docs/track-metrics.md,
/// "Codec preview".
/// </remarks>
public static class CodecRoundTrip
{
    /// <summary>
    /// Starts the encode and decode of <paramref name="source"/> (which the returned reader owns and disposes) through
    /// <paramref name="codec"/>. The reader's format: the codec's encoded rate (<see cref="LossyCodec.EncodedSampleRate"/>)
    /// and the source's channels.
    /// </summary>
    /// <exception cref="AudioDecodeException">
    /// <see cref="AudioErrorCode.EncoderNotAvailable"/> when this ffmpeg lacks the codec's encoder,
    /// <see cref="AudioErrorCode.DecoderNotInstalled"/> when ffmpeg does not run (the source is disposed in both cases).
    /// Reads throw <see cref="AudioErrorCode.DecoderFailed"/> when the encode or the decode fails.
    /// </exception>
    public static IAudioReader Open(IAudioReader source, LossyCodec codec, FfmpegOptions options, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sourceName);
        try
        {
            if (!FfmpegEncoders.Has(options.FfmpegPath, codec.Encoder))
            {
                throw new AudioDecodeException(AudioErrorCode.EncoderNotAvailable, sourceName,
                    $"this ffmpeg ({options.FfmpegPath}) has no '{codec.Encoder}' encoder, so the {codec.Name} preview cannot run (Debian's ffmpeg has it)");
            }

            return CodecRoundTripReader.Start(source, codec, options, sourceName);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>The encoder's arguments: raw float PCM in on stdin, the encoded stream out on stdout.</summary>
    internal static string[] EncoderArguments(AudioStreamInfo source, LossyCodec codec)
    {
        var rate = codec.EncodedSampleRate(source.SampleRate);
        List<string> arguments =
        [
            "-nostdin", "-hide_banner", "-v", "error",
            "-f", "f32le", "-ar", Invariant(source.SampleRate), "-ac", Invariant(source.Channels), "-i", "pipe:0",
            "-ar", Invariant(rate), "-c:a", codec.Encoder, "-b:a", Invariant(codec.BitrateKbps) + "k",
        ];
        if (codec.Encoder == "libopus" && source.Channels > 2)
        {
            // RFC 7845 §5.1.1.2: channel mapping family 1 (Vorbis order) carries up to 8 channels.
            arguments.AddRange(["-mapping_family", "1"]);
        }

        arguments.AddRange(["-f", codec.Container, "pipe:1"]);
        return [.. arguments];
    }

    /// <summary>The decoder's arguments: the encoded stream in on stdin, float PCM at its native rate out on stdout.</summary>
    internal static string[] DecoderArguments(LossyCodec codec) =>
    [
        "-nostdin", "-hide_banner", "-v", "error",
        "-f", codec.Container == "adts" ? "aac" : codec.Container, "-i", "pipe:0",
        "-map", "0:a:0", "-f", "f32le", "-acodec", "pcm_f32le", "pipe:1",
    ];

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
