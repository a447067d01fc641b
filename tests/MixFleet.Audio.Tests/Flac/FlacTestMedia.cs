using System.Buffers.Binary;
using System.Diagnostics;
using MixFleet.Audio.Tests.Ffmpeg;

namespace MixFleet.Audio.Tests.Flac;

/// <summary>
/// FLAC inputs made with the real ffmpeg from the demo album in <c>samples/</c>, and ffmpeg's own decode of them as
/// the reference. A missing ffmpeg fails the tests loudly (scripts/test.sh installs it).
/// </summary>
internal sealed class FlacTestMedia : IDisposable
{
    private readonly FfmpegTestMedia _media = new();

    /// <summary>The demo album's tracks: 01 and 02 are 16-bit stereo 44.1 kHz, 03 is 24-bit mono 44.1 kHz.</summary>
    public static string Sample(string file) => MixFleet.Testing.RepositoryRoot.File(Path.Combine("samples", "Demo Album", file));

    public const string Stereo16 = "01 - Slow Swell.wav";
    public const string Stereo16Loud = "02 - Brickwall.wav";
    public const string Mono24 = "03 - Quiet Bells.wav";

    public string PathOf(string name) => _media.PathOf(name);

    /// <summary>Encodes <paramref name="source"/> (a file name in the demo album) with ffmpeg's FLAC encoder.</summary>
    public string Encode(string output, string source, params string[] options)
        => _media.Ffmpeg(output, ["-i", Sample(source), .. options, "-c:a", "flac"]);

    /// <summary>Runs ffmpeg with arbitrary arguments.</summary>
    public string Ffmpeg(string output, params string[] arguments) => _media.Ffmpeg(output, arguments);

    /// <summary>ffmpeg's decode of <paramref name="path"/> as float per channel: its s32le output / 2^31 (exact for ≤ 24 bits).</summary>
    public static float[][] ReferenceDecode(string path, int channels)
    {
        var raw = RunToBytes("ffmpeg", "-nostdin", "-v", "error", "-i", path, "-f", "s32le", "-acodec", "pcm_s32le", "-");
        var frames = raw.Length / 4 / channels;
        var result = new float[channels][];
        for (var c = 0; c < channels; c++)
        {
            result[c] = new float[frames];
        }

        for (var i = 0; i < frames; i++)
        {
            for (var c = 0; c < channels; c++)
            {
                result[c][i] = (float)(BinaryPrimitives.ReadInt32LittleEndian(raw.AsSpan(((i * channels) + c) * 4)) / 2147483648.0);
            }
        }

        return result;
    }

    /// <summary>Decodes with the in-process FLAC decoder, in blocks of <paramref name="blockFrames"/>.</summary>
    public static (AudioStreamInfo Info, float[][] Channels) Decode(string path, int blockFrames = 4096)
    {
        using var reader = new FlacDecoder().Open(path);
        return (reader.Info, FfmpegTestMedia.ReadAll(reader, blockFrames));
    }

    private static byte[] RunToBytes(string program, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} failed: {stderr.Result}");
        return output.ToArray();
    }

    public void Dispose() => _media.Dispose();
}
