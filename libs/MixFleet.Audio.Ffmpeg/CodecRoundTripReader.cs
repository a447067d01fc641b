using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MixFleet.Audio.Ffmpeg;

/// <summary>
/// The running chain of <see cref="CodecRoundTrip"/>: a pump thread writes the source's PCM into the encoder, a copy
/// thread moves the encoded stream into the decoder, and reads come from the decoder's stdout through an
/// <see cref="FfmpegPcmReader"/> (its cancellation, kill and error handling). Neither thread takes a CPU-budget slot,
/// so a reader waiting on the decoder while holding one never starves them.
/// </summary>
internal sealed class CodecRoundTripReader : IAudioReader
{
    private const int PumpFrames = 8_192;
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(30);

    private readonly IAudioReader _source;
    private readonly LossyCodec _codec;
    private readonly string _sourceName;
    private readonly Process _encoder;
    private readonly StderrTail _encoderStderr;
    private readonly FfmpegPcmReader _decoded;
    private readonly Thread _pump;
    private readonly Thread _copy;
    private readonly CancellationTokenSource _stop = new();
    private Exception? _pumpFailure;
    private bool _disposed;

    private CodecRoundTripReader(IAudioReader source, LossyCodec codec, string sourceName, Process encoder, StderrTail encoderStderr, Process decoder, StderrTail decoderStderr)
    {
        _source = source;
        _codec = codec;
        _sourceName = sourceName;
        _encoder = encoder;
        _encoderStderr = encoderStderr;
        Info = new AudioStreamInfo
        {
            Container = codec.Container,
            Codec = codec.Name,
            SampleRate = codec.EncodedSampleRate(source.Info.SampleRate),
            Channels = source.Info.Channels,
            Layout = source.Info.Layout,
        };
        _decoded = FfmpegPcmReader.Attach(decoder, decoderStderr, Info, $"{sourceName} ({codec.Name} {codec.BitrateKbps} kb/s decode)");
        var decoderInput = decoder.StandardInput.BaseStream;
        _pump = new Thread(Pump) { IsBackground = true, Name = "codec-preview pump" };
        _copy = new Thread(() => Copy(encoder.StandardOutput.BaseStream, decoderInput)) { IsBackground = true, Name = "codec-preview copy" };
    }

    /// <inheritdoc />
    public AudioStreamInfo Info { get; }

    /// <summary>Starts both ffmpeg processes and both threads.</summary>
    public static CodecRoundTripReader Start(IAudioReader source, LossyCodec codec, FfmpegOptions options, string sourceName)
    {
        var encoderStderr = new StderrTail();
        var encoder = FfmpegProcess.Start(options.FfmpegPath, CodecRoundTrip.EncoderArguments(source.Info, codec), encoderStderr, sourceName, keepStdin: true);
        Process decoder;
        var decoderStderr = new StderrTail();
        try
        {
            decoder = FfmpegProcess.Start(options.FfmpegPath, CodecRoundTrip.DecoderArguments(codec), decoderStderr, sourceName, keepStdin: true);
        }
        catch
        {
            FfmpegProcess.Stop(encoder);
            throw;
        }

        var reader = new CodecRoundTripReader(source, codec, sourceName, encoder, encoderStderr, decoder, decoderStderr);
        reader._pump.Start();
        reader._copy.Start();
        return reader;
    }

    /// <inheritdoc />
    /// <remarks>At the end of the decoded stream the encode is checked too: an encoder that failed part-way fails the read.</remarks>
    public int Read(AudioBuffer destination, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int frames;
        try
        {
            frames = _decoded.Read(destination, cancellationToken);
        }
        catch (AudioDecodeException)
        {
            // The decoder fails on what it was given: a failed source or encode is the cause to report. An encoder still
            // running is blocked on the dead decoder, not at fault.
            ThrowIfSourceFailed();
            if (_encoder.WaitForExit(TimeSpan.FromSeconds(2)))
            {
                ThrowIfEncoderFailed();
            }

            throw;
        }

        if (frames == 0)
        {
            // The decoder has read the encoder's whole output: the encoder has closed it, the pump has finished.
            _pump.Join(ExitWait);
            ThrowIfSourceFailed();
            if (!_encoder.WaitForExit(ExitWait))
            {
                throw new AudioDecodeException(AudioErrorCode.DecoderFailed, _sourceName, $"the {_codec.Name} encoder did not exit after its output ended", transient: true);
            }

            ThrowIfEncoderFailed();
            if (_pumpFailure is { } failure)
            {
                throw new AudioDecodeException(AudioErrorCode.DecoderFailed, _sourceName, $"the {_codec.Name} encoder stopped taking input: {failure.Message}", failure);
            }
        }

        return frames;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Cancel();
        // Killing the encoder breaks the pump's write and ends the copy's read; the decoder goes with its reader.
        FfmpegProcess.Stop(_encoder);
        _decoded.Dispose();
        _pump.Join(ExitWait);
        _copy.Join(ExitWait);
        _source.Dispose();
        _stop.Dispose();
    }

    // The source's own decode error (or a cancellation) as it was raised.
    private void ThrowIfSourceFailed()
    {
        if (_pumpFailure is AudioDecodeException or OperationCanceledException)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(_pumpFailure).Throw();
        }
    }

    // Call once the encoder has exited.
    private void ThrowIfEncoderFailed()
    {
        _encoder.WaitForExit(); // flushes the asynchronous stderr reader
        if (FfmpegProcess.WasKilled(_encoder.ExitCode))
        {
            throw new AudioDecodeException(AudioErrorCode.DecoderFailed, _sourceName,
                $"the {_codec.Name} encoder was stopped by a signal (exit code {_encoder.ExitCode})", transient: true);
        }

        if (_encoder.ExitCode != 0)
        {
            throw new AudioDecodeException(AudioErrorCode.DecoderFailed, _sourceName,
                $"ffmpeg could not encode to {_codec.Name} ({_codec.Encoder}, {_codec.BitrateKbps} kb/s): {_encoderStderr.Last(3, $"exit code {_encoder.ExitCode}")}");
        }
    }

    // Source PCM, interleaved float32 little-endian, into the encoder's stdin; closing it ends the encode.
    private void Pump()
    {
        var stdin = _encoder.StandardInput.BaseStream;
        try
        {
            var channels = _source.Info.Channels;
            var block = new AudioBuffer(channels, PumpFrames);
            var samples = new float[PumpFrames * channels];
            int frames;
            while ((frames = _source.Read(block, _stop.Token)) > 0)
            {
                for (var c = 0; c < channels; c++)
                {
                    var channel = block.Channel(c);
                    for (int i = 0, s = c; i < frames; i++, s += channels)
                    {
                        samples[s] = channel[i];
                    }
                }

                // f32le on the pipe: the host order on every little-endian machine .NET runs on.
                stdin.Write(MemoryMarshal.AsBytes(samples.AsSpan(0, frames * channels)));
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or AudioDecodeException or OperationCanceledException)
        {
            _pumpFailure = ex;
        }
        finally
        {
            Close(stdin);
        }
    }

    private static void Copy(Stream from, Stream to)
    {
        try
        {
            from.CopyTo(to, 64 * 1024);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // One side died: the decoder's end of stream or the encoder's exit code tells the reader why.
        }
        finally
        {
            Close(to);
        }
    }

    private static void Close(Stream stream)
    {
        try
        {
            stream.Dispose();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The other end is gone already.
        }
    }
}
