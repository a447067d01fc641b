using System.Collections.Concurrent;
using System.Diagnostics;

namespace MixFleet.Audio.Ffmpeg;

/// <summary>
/// Decodes everything the in-process readers do not (FLAC, MP3, AAC/M4A, Ogg Vorbis, Opus, ALAC…): ffprobe describes
/// the first audio stream, then ffmpeg pipes it as raw float32 at its native sample rate and channel count.
/// </summary>
/// <remarks>See docs/ffmpeg-decoder.md for the design and the error codes raised.</remarks>
public sealed class FfmpegDecoder : IAudioDecoder
{
    private static readonly ConcurrentDictionary<(string Ffmpeg, string Ffprobe), bool> Availability = new();

    private readonly FfmpegOptions _options;

    /// <summary>Creates the decoder with ffmpeg and ffprobe looked up on the PATH.</summary>
    public FfmpegDecoder()
        : this(new FfmpegOptions())
    {
    }

    /// <summary>Creates the decoder with the given executables and probe timeout.</summary>
    public FfmpegDecoder(FfmpegOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.FfmpegPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.FfprobePath);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.ProbeTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.MaxSpoolBytes, 0);
        _options = options;
    }

    /// <summary>True when <c>ffmpeg -version</c> and <c>ffprobe -version</c> run from the PATH. Checked once, then cached.</summary>
    public static bool IsAvailable() => IsAvailable(new FfmpegOptions());

    /// <summary>True when the configured ffmpeg and ffprobe run. Checked once per pair of paths, then cached.</summary>
    public static bool IsAvailable(FfmpegOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Availability.GetOrAdd((options.FfmpegPath, options.FfprobePath), key => Runs(key.Ffmpeg) && Runs(key.Ffprobe));
    }

    /// <inheritdoc />
    /// <exception cref="AudioDecodeException">
    /// <see cref="AudioErrorCode.DecoderNotInstalled"/>, <see cref="AudioErrorCode.NotAudio"/>,
    /// <see cref="AudioErrorCode.InvalidHeader"/>, <see cref="AudioErrorCode.DecoderFailed"/> (probe timed out or killed:
    /// <see cref="AudioDecodeException.Transient"/>), and
    /// <see cref="AudioErrorCode.FileNotFound"/> / <see cref="AudioErrorCode.EmptyFile"/> for a missing or empty file.
    /// </exception>
    public IAudioReader Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new AudioDecodeException(AudioErrorCode.FileNotFound, path, "the file does not exist");
        }

        if (file.Length == 0)
        {
            throw new AudioDecodeException(AudioErrorCode.EmptyFile, path, "the file is empty (0 bytes)");
        }

        return OpenFile(path, path, ownedTempFile: null);
    }

    /// <inheritdoc />
    /// <remarks>
    /// ffprobe and ffmpeg both need the data, and MP4/M4A keeps its index (<c>moov</c>) wherever the muxer put it, often
    /// at the end, so ffmpeg must seek anyway: the stream is copied to its end into a temporary file, deleted when
    /// the reader is disposed, at most <see cref="FfmpegOptions.MaxSpoolBytes"/> (else <see cref="AudioErrorCode.TooLarge"/>).
    /// The stream need not be seekable and is not disposed.
    /// </remarks>
    public IAudioReader Open(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        string temp;
        try
        {
            temp = TempFiles.CopyToTemp(stream, name, _options.MaxSpoolBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AudioDecodeException(AudioErrorCode.IoError, name, $"the stream could not be copied to a temporary file ({ex.Message})", ex);
        }

        try
        {
            if (new FileInfo(temp).Length == 0)
            {
                throw new AudioDecodeException(AudioErrorCode.EmptyFile, name, "the file is empty (0 bytes)");
            }

            return OpenFile(temp, name, ownedTempFile: temp);
        }
        catch
        {
            TempFiles.TryDelete(temp);
            throw;
        }
    }

    private FfmpegPcmReader OpenFile(string path, string source, string? ownedTempFile)
    {
        var (info, exactLength) = Probe(path, source);
        return FfmpegPcmReader.Start(_options, path, info, exactLength, source, ownedTempFile);
    }

    private (AudioStreamInfo Info, bool ExactLength) Probe(string path, string source)
    {
        string[] arguments =
        [
            "-v", "error", "-hide_banner",
            "-print_format", "json", "-show_format", "-show_streams", "-select_streams", "a:0",
            "-i", FfmpegProcess.InputUrl(path),
        ];
        var stderr = new StderrTail();
        var process = FfmpegProcess.Start(_options.FfprobePath, arguments, stderr, source);
        try
        {
            // Read stdout concurrently: waiting first would deadlock once the JSON fills the pipe.
            var json = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(_options.ProbeTimeout))
            {
                throw new AudioDecodeException(AudioErrorCode.DecoderFailed, source,
                    $"ffprobe did not finish within {_options.ProbeTimeout.TotalSeconds:0.#} s and was stopped", transient: true);
            }

            process.WaitForExit(); // flushes the asynchronous stderr reader
            var output = json.GetAwaiter().GetResult();
            if (FfmpegProcess.WasKilled(process.ExitCode))
            {
                throw new AudioDecodeException(AudioErrorCode.DecoderFailed, source,
                    $"ffprobe was stopped by a signal before it finished (exit code {process.ExitCode})", transient: true);
            }

            if (process.ExitCode != 0)
            {
                throw new AudioDecodeException(AudioErrorCode.NotAudio, source,
                    $"no audio stream found (ffprobe: {stderr.Last(2, $"exit code {process.ExitCode}")})");
            }

            return FfprobeParser.ParseProbe(output, source);
        }
        finally
        {
            FfmpegProcess.Stop(process);
        }
    }

    private static bool Runs(string executable)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(executable)
            {
                ArgumentList = { "-version" },
                UseShellExecute = false,
                CreateNoWindow = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return false;
            }

            process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
