using System.Buffers.Binary;
using System.Diagnostics;
using MixFleet.Audio.Ffmpeg;

namespace MixFleet.Audio.Tests.Ffmpeg;

/// <summary>
/// A temporary directory of test inputs made with the real ffmpeg. A missing ffmpeg fails the test loudly:
/// scripts/test.sh installs it, and these tests must not pass by skipping.
/// </summary>
internal sealed class FfmpegTestMedia : IDisposable
{
    public FfmpegTestMedia()
    {
        Directory = Path.Combine(Path.GetTempPath(), "mixfleet-ffmpeg-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>Runs ffmpeg with the given arguments (in the media directory) and returns the path of <paramref name="output"/>.</summary>
    public string Ffmpeg(string output, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("ffmpeg")
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Directory,
        };
        foreach (var argument in (string[])["-nostdin", "-hide_banner", "-v", "error", "-y", .. arguments, output])
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException("ffmpeg could not be started; install it (apt-get install ffmpeg)");
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg {string.Join(' ', startInfo.ArgumentList)} failed: {stderr.Result}");
        }

        return PathOf(output);
    }

    /// <summary>Writes interleaved integer samples as raw little-endian PCM of 16 or 24 bits.</summary>
    public string WriteRawInt(string name, int[] interleaved, int bits)
    {
        var width = bits / 8;
        var bytes = new byte[interleaved.Length * width];
        for (var i = 0; i < interleaved.Length; i++)
        {
            var v = interleaved[i];
            bytes[(i * width) + 0] = (byte)v;
            bytes[(i * width) + 1] = (byte)(v >> 8);
            if (width == 3)
            {
                bytes[(i * width) + 2] = (byte)(v >> 16);
            }
        }

        var path = PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Writes interleaved float samples as raw float32 little-endian PCM.</summary>
    public string WriteRawFloat(string name, float[] interleaved)
    {
        var bytes = new byte[interleaved.Length * 4];
        for (var i = 0; i < interleaved.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), interleaved[i]);
        }

        var path = PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A mono float sine, <paramref name="seconds"/> long.</summary>
    public static float[] Sine(double frequency, double amplitude, int sampleRate, double seconds)
    {
        var samples = new float[(int)(sampleRate * seconds)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        }

        return samples;
    }

    /// <summary>Reads a reader to its end, in blocks of <paramref name="blockFrames"/>, into one array per channel.</summary>
    public static float[][] ReadAll(IAudioReader reader, int blockFrames = 4096)
    {
        var buffer = new AudioBuffer(reader.Info.Channels, blockFrames);
        var channels = Enumerable.Range(0, reader.Info.Channels).Select(_ => new List<float>()).ToArray();
        int frames;
        while ((frames = reader.Read(buffer)) > 0)
        {
            Assert.Equal(frames, buffer.Frames);
            for (var c = 0; c < channels.Length; c++)
            {
                channels[c].AddRange(buffer.Channel(c).ToArray());
            }
        }

        return channels.Select(c => c.ToArray()).ToArray();
    }

    /// <summary>Decodes a file with the default decoder.</summary>
    public static (AudioStreamInfo Info, float[][] Channels) Decode(string path)
    {
        using var reader = new FfmpegDecoder().Open(path);
        return (reader.Info, ReadAll(reader));
    }

    /// <summary>Writes an executable shell script standing in for ffmpeg or ffprobe.</summary>
    public string Script(string name, string body) => MixFleet.Testing.ShellScript.Write(Directory, name, body);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
