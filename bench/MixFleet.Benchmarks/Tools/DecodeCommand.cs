using System.Diagnostics;
using System.Globalization;
using MixFleet.Audio;
using MixFleet.Audio.Ffmpeg;

namespace MixFleet.Benchmarks.Tools;

/// <summary>
/// <c>decode FILE [REPEATS] [--no-md5]</c> (bench/compare-flac.sh): decodes a file to the end REPEATS times (default 3)
/// through the default <see cref="AudioDecoder"/>, in the engine's block size, and prints one line per run:
/// <c>run frames cpu_seconds x_realtime_per_core</c>, CPU time of this process only (the decode is single-threaded).
/// The first run includes JIT compilation; later runs are the steady state.
/// </summary>
internal static class DecodeCommand
{
    public static int Run(string path, string[] rest)
    {
        var repeats = rest.Length > 0 && int.TryParse(rest[0], CultureInfo.InvariantCulture, out var r) ? r : 3;
        var decoder = rest.Contains("--no-md5") ? new AudioDecoder(new(), new FlacDecoder(verifyMd5: false), new FfmpegDecoder()) : new AudioDecoder(new FfmpegDecoder());
        for (var run = 1; run <= repeats; run++)
        {
            var start = Process.GetCurrentProcess().TotalProcessorTime;
            using var reader = decoder.Open(path);
            var buffer = new AudioBuffer(reader.Info.Channels, 8192);
            long frames = 0;
            int n;
            while ((n = reader.Read(buffer)) > 0)
            {
                frames += n;
            }

            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - start).TotalSeconds;
            var seconds = (double)frames / reader.Info.SampleRate;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{run} {frames} {cpu:F3} {seconds / cpu:F0}"));
        }

        return 0;
    }
}
