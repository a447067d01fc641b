using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MixFleet.Audio.Ffmpeg;

/// <summary>
/// An <see cref="IAudioReader"/> backed by an ffmpeg process writing interleaved float32 little-endian PCM at the
/// stream's native rate and channel count to its stdout. Disposing it kills the process if it still runs.
/// </summary>
internal sealed class FfmpegPcmReader : IAudioReader
{
    // Lossless codecs whose container states an exact length: decoding fewer frames than that means the file is cut.
    private static readonly HashSet<string> ExactLengthCodecs = new(StringComparer.OrdinalIgnoreCase)
    {
        "flac", "alac", "wavpack", "tta", "ape", "tak", "mlp", "truehd",
    };

    private readonly Process _process;
    private readonly Stream _stdout;
    private readonly StderrTail _stderr;
    private readonly string _source;
    private readonly string? _ownedTempFile;
    private readonly int _frameBytes;
    private readonly bool _exactLength;
    private byte[] _bytes = [];
    private long _framesRead;
    private bool _finished;
    private AudioDecodeException? _failure;
    private bool _disposed;

    private FfmpegPcmReader(Process process, StderrTail stderr, AudioStreamInfo info, bool exactLength, string source, string? ownedTempFile)
    {
        _exactLength = exactLength;
        _process = process;
        _stdout = process.StandardOutput.BaseStream;
        _stderr = stderr;
        Info = info;
        _source = source;
        _ownedTempFile = ownedTempFile;
        _frameBytes = info.Channels * sizeof(float);
    }

    /// <inheritdoc />
    public AudioStreamInfo Info { get; }

    /// <summary>The ffmpeg process id (tests check that disposing stops it).</summary>
    internal int ProcessId => _process.Id;

    /// <summary>The temporary copy this reader deletes on dispose, if any.</summary>
    internal string? TempFile => _ownedTempFile;

    /// <summary>
    /// Starts ffmpeg on <paramref name="path"/> (already probed as <paramref name="info"/>; <paramref name="exactLength"/>
    /// when its TotalFrames is the stream's own stated length, so a shortfall means truncation).
    /// </summary>
    public static FfmpegPcmReader Start(FfmpegOptions options, string path, AudioStreamInfo info, bool exactLength, string source, string? ownedTempFile)
    {
        // Native rate and channel count: no -ar, no -ac. Float output keeps 24-bit sources exact and overs unclipped.
        string[] arguments =
        [
            "-nostdin", "-hide_banner", "-v", "error",
            "-i", FfmpegProcess.InputUrl(path),
            "-map", "0:a:0", "-vn", "-sn", "-dn",
            "-f", "f32le", "-acodec", "pcm_f32le", "-",
        ];
        var stderr = new StderrTail();
        var process = FfmpegProcess.Start(options.FfmpegPath, arguments, stderr, source);
        return new FfmpegPcmReader(process, stderr, info, exactLength, source, ownedTempFile);
    }

    /// <summary>
    /// A reader over an ffmpeg process already started by the caller (its stdout float32 PCM in <paramref name="info"/>'s
    /// format), e.g. the decoding end of <see cref="CodecRoundTrip"/>; the length is not checked against a header.
    /// </summary>
    public static FfmpegPcmReader Attach(Process process, StderrTail stderr, AudioStreamInfo info, string source) =>
        new(process, stderr, info, exactLength: false, source, ownedTempFile: null);

    /// <inheritdoc />
    /// <remarks>Cancelling <paramref name="cancellationToken"/> while the pipe is read kills ffmpeg, which ends the read.</remarks>
    public int Read(AudioBuffer destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (destination.Channels != Info.Channels)
        {
            throw new ArgumentException($"the buffer has {destination.Channels} channels, the stream {Info.Channels}", nameof(destination));
        }

        if (_failure is not null)
        {
            throw _failure;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            Cancel(cancellationToken);
        }

        if (_finished)
        {
            destination.Frames = 0;
            return 0;
        }

        var wanted = destination.CapacityFrames * _frameBytes;
        if (_bytes.Length < wanted)
        {
            _bytes = new byte[wanted]; // once per reader: the engine reuses one buffer for the whole track
        }

        // Fill the whole block unless the pipe ends, so only the last block can be short. A cancellation kills ffmpeg,
        // which closes the pipe and ends the read.
        int read;
        using (cancellationToken.Register(static state => ((FfmpegPcmReader)state!).Kill(), this))
        {
            read = _stdout.ReadAtLeast(_bytes.AsSpan(0, wanted), wanted, throwOnEndOfStream: false);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            Cancel(cancellationToken);
        }

        var frames = read / _frameBytes;
        Deinterleave(_bytes.AsSpan(0, frames * _frameBytes), destination, frames);
        destination.Frames = frames;
        SampleRangeCheck.Check(destination, _framesRead, _source);
        _framesRead += frames;
        if (read < wanted)
        {
            _finished = true;
            try
            {
                Finish();
            }
            catch (AudioDecodeException ex)
            {
                _failure = ex;
                throw;
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
        _stdout.Dispose();
        FfmpegProcess.Stop(_process);
        if (_ownedTempFile is not null)
        {
            TempFiles.TryDelete(_ownedTempFile);
        }
    }

    // Stops ffmpeg (if the registration has not already) and fails every later read: the stream is cut.
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Cancel(CancellationToken cancellationToken)
    {
        Kill();
        _process.WaitForExit(5_000);
        _finished = true;
        _failure = new AudioDecodeException(AudioErrorCode.DecoderFailed, _source, "the decode was cancelled and ffmpeg stopped", transient: true);
        throw new OperationCanceledException(cancellationToken);
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already exited: the read ends by itself.
        }
    }

    private void Deinterleave(ReadOnlySpan<byte> bytes, AudioBuffer destination, int frames)
    {
        var channels = Info.Channels;
        if (BitConverter.IsLittleEndian)
        {
            var samples = MemoryMarshal.Cast<byte, float>(bytes);
            for (var c = 0; c < channels; c++)
            {
                var target = destination.ChannelStorage(c).AsSpan(0, frames);
                for (int i = 0, s = c; i < target.Length; i++, s += channels)
                {
                    target[i] = samples[s];
                }
            }

            return;
        }

        for (var c = 0; c < channels; c++)
        {
            var target = destination.ChannelStorage(c);
            for (int i = 0, s = c; i < frames; i++, s += channels)
            {
                target[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(s * sizeof(float), sizeof(float)));
            }
        }
    }

    private void Finish()
    {
        // stdout is closed, so ffmpeg is exiting; the bound only guards against a wedged child.
        if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            FfmpegProcess.Stop(_process);
            throw new AudioDecodeException(AudioErrorCode.DecoderFailed, _source, "ffmpeg did not exit after the end of its output", transient: true);
        }

        _process.WaitForExit(); // flushes the asynchronous stderr reader
        if (FfmpegProcess.WasKilled(_process.ExitCode))
        {
            // The OOM killer, an operator, a shutdown: nothing is known about the file.
            throw new AudioDecodeException(AudioErrorCode.DecoderFailed, _source,
                $"ffmpeg was stopped by a signal before it finished (exit code {_process.ExitCode}): {_stderr.Last(2, "no error reported")}",
                transient: true);
        }

        if (_process.ExitCode != 0)
        {
            throw new AudioDecodeException(AudioErrorCode.DecoderFailed, _source,
                $"ffmpeg could not decode: {_stderr.Last(3, $"exit code {_process.ExitCode}")}");
        }

        // ffmpeg exits 0 on a cut lossless file after decoding what is there; the header's exact length tells.
        // 10 ms of slack absorbs time bases coarser than a sample.
        if (_exactLength && Info.TotalFrames is { } total && ExactLengthCodecs.Contains(Info.Codec)
            && _framesRead < total - (Info.SampleRate / 100))
        {
            throw new AudioDecodeException(AudioErrorCode.Truncated, _source,
                $"the audio ends after {_framesRead} of the {total} frames the header declares "
                + $"(ffmpeg: {_stderr.Last(2, "no error reported")})");
        }
    }
}
