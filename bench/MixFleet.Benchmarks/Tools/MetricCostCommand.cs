using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using MixFleet.Analysis;
using MixFleet.Analysis.Clipping;
using MixFleet.Analysis.Defects;
using MixFleet.Analysis.Dynamics;
using MixFleet.Analysis.Engine;
using MixFleet.Analysis.Format;
using MixFleet.Analysis.Loudness;
using MixFleet.Analysis.Peaks;
using MixFleet.Analysis.SilenceDetection;
using MixFleet.Analysis.Spectrum;
using MixFleet.Analysis.Stereo;
using MixFleet.Audio;
using MixFleet.Audio.Ffmpeg;

namespace MixFleet.Benchmarks.Tools;

/// <summary>
/// <c>metrics FILE [SECONDS] [ROUNDS]</c>: the cost of each metric alone. Decodes the first SECONDS (default 600) of a
/// file into chunks laid out as the engine lays them out (default chunk length and pre-roll), then, chunk by chunk, runs
/// every metric's <c>Measure</c> in turn on one thread (so each finds the chunk in the cache, as in the engine), ROUNDS
/// times (default 3) after a warm-up round, and prints each metric's best round of thread CPU time, ns per sample
/// (frames × channels), and the CPU seconds that makes per 45 minutes of audio of this format. Then the serial merge: each metric's <c>Merge</c> and the whole <see cref="TrackMetrics.Merge"/> (which
/// includes the defect list and the edges), wall time of the best of ROUNDS, scaled to 45 minutes (the merges are
/// linear in the chunk count). Decoding and chunk copies are not timed. The last column is a hash of the merged result
/// (its JSON, doubles round-trip): equal hashes before and after a change mean bit-identical results.
/// </summary>
internal static class MetricCostCommand
{
    private const double ReferenceSeconds = 45 * 60;

    public static int Run(string path, string[] rest)
    {
        var seconds = rest.Length > 0 ? double.Parse(rest[0], CultureInfo.InvariantCulture) : 600;
        var rounds = rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 3;
        var options = AnalysisOptions.Default;
        using var reader = new AudioDecoder(new FfmpegDecoder()).Open(path);
        var info = reader.Info;
        var layout = new ChunkLayout(info.SampleRate, options.ChunkSegments, options.PreRollSeconds);
        var chunks = Decode(reader, layout, (long)(seconds * info.SampleRate));
        try
        {
            var frames = chunks.Sum(c => (long)c.Frames);
            var samples = (double)frames * info.Channels;
            var audioSeconds = (double)frames / info.SampleRate;
            var scale = ReferenceSeconds / audioSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"metrics: {audioSeconds:0} s x {info.Channels} ch at {info.SampleRate} Hz, {chunks.Count} chunks of {options.ChunkSegments / 100.0:0.##} s, best of {rounds}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
            Console.WriteLine($"{"metric",-12}{"CPU s",9}{"ns/sample",11}{"CPU s/45min",13}{"merge ms/45min",16}  result");

            var rate = info.SampleRate;
            var all = new TrackMetrics(info, options, layout);
            List<Probe> probes =
            [
                Probe.Of("loudness", new LoudnessMetric(rate, ChannelWeights.For(info.Layout, options.DualMono))),
                Probe.Of("peaks", new PeakMetric(rate, options.TruePeak, options.OverCeilingDbtp)),
                Probe.Of("dynamics", new DynamicsMetric(rate)),
                Probe.Of("clipping", new ClippingMetric(rate)),
                Probe.Of("silence", new SilenceMetric(rate)),
                .. info.Channels == 2 ? [Probe.Of("stereo", new StereoMetric(rate))] : Array.Empty<Probe>(),
                Probe.Of("spectrum", new SpectrumMetric(rate, layout.PreRollFrames)),
                Probe.Of("bitDepth", new BitDepthMetric(info.Codec, info.BitDepth)),
                Probe.Of("defects", new DefectMetric(rate)),
            ];

            // Chunk by chunk, every metric in turn, as TrackMetrics runs them: each finds the chunk in the cache as it
            // would in the engine. Thread CPU time per call.
            var best = new double[probes.Count];
            Array.Fill(best, double.MaxValue);
            var results = new List<object>[probes.Count];
            for (var round = 0; round <= rounds; round++)
            {
                var spent = new double[probes.Count];
                for (var p = 0; p < probes.Count; p++)
                {
                    results[p] = [];
                }

                foreach (var chunk in chunks)
                {
                    for (var p = 0; p < probes.Count; p++)
                    {
                        var before = ThreadCpu.Seconds();
                        results[p].Add(probes[p].Measure(chunk));
                        spent[p] += ThreadCpu.Seconds() - before;
                    }
                }

                for (var p = 0; round > 0 && p < probes.Count; p++)
                {
                    best[p] = Math.Min(best[p], spent[p]);
                }
            }

            for (var p = 0; p < probes.Count; p++)
            {
                var list = results[p];
                var merged = Wall(() => probes[p].Merge(list), rounds);
                var measure = best[p];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{probes[p].Name,-12}{measure,9:0.000}{measure * 1e9 / samples,11:0.00}{measure * scale,13:0.000}{merged * 1e3 * scale,16:0.0}  {Hash(probes[p].Merge(list))}"));
            }

            var (cpu, partials) = Time(() => chunks.Select(all.Measure).ToList(), rounds);
            var merge = Wall(() => all.Merge(partials, frames), rounds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"all",-12}{cpu,9:0.000}{cpu * 1e9 / samples,11:0.00}{cpu * scale,13:0.000}{merge * 1e3 * scale,16:0.0}  {Hash(all.Merge(partials, frames))}  (TrackMetrics.Measure over the chunks, process CPU; merge with defect list and edges)"));
        }
        finally
        {
            foreach (var chunk in chunks)
            {
                chunk.Dispose();
            }
        }

        return 0;
    }

    private sealed record Probe(string Name, Func<AudioChunk, object> Measure, Func<List<object>, object> Merge)
    {
        public static Probe Of<TPartial, TResult>(string name, IChunkMetric<TPartial, TResult> metric)
            where TPartial : notnull
            where TResult : notnull =>
            new(name, chunk => metric.Measure(chunk), list => metric.Merge([.. list.Cast<TPartial>()]));
    }

    private static class ThreadCpu
    {
        public static double Seconds()
        {
            _ = ClockGetTime(3, out var time); // CLOCK_THREAD_CPUTIME_ID
            return time.Seconds + (time.Nanoseconds * 1e-9);
        }

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
        private static extern int ClockGetTime(int clock, out TimeSpec time);

        [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }
    }

    private static string Hash<T>(T result) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(result, HashOptions)))[..12];

    private static readonly System.Text.Json.JsonSerializerOptions HashOptions = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private static (double Cpu, T Result) Time<T>(Func<T> run, int rounds)
    {
        var best = double.MaxValue;
        T result = run(); // JIT and tiering warm-up
        for (var r = 0; r < rounds; r++)
        {
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            result = run();
            best = Math.Min(best, (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds);
        }

        return (best, result);
    }

    private static double Wall(Action run, int rounds)
    {
        run();
        var best = double.MaxValue;
        for (var r = 0; r < rounds; r++)
        {
            var watch = Stopwatch.StartNew();
            run();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return best;
    }

    private static List<AudioChunk> Decode(IAudioReader reader, ChunkLayout layout, long maxFrames)
    {
        var info = reader.Info;
        var block = new AudioBuffer(info.Channels, AnalysisOptions.Default.BlockFrames);
        var chunks = new List<AudioChunk>();
        AudioChunk? current = null;
        var offset = 0;
        long total = 0;
        while (total < maxFrames && reader.Read(block) > 0)
        {
            var at = 0;
            while (at < block.Frames && total < maxFrames)
            {
                if (current is null || current.Frames == layout.Frames(current.Index))
                {
                    var next = new AudioChunk(info.Channels, layout.PreRollFrames, layout.MaxChunkFrames);
                    Follow(next, current, chunks.Count, layout.StartFrame(chunks.Count));
                    chunks.Add(next);
                    current = next;
                }

                var count = (int)Math.Min(Math.Min(block.Frames - at, layout.Frames(current.Index) - current.Frames), maxFrames - total);
                for (var c = 0; c < info.Channels; c++)
                {
                    block.Channel(c).Slice(at, count).CopyTo(Writable(current, c, current.Frames, count));
                }

                SetFrames(current, current.Frames + count);
                at += count;
                offset += count;
                total += count;
            }
        }

        return chunks;
    }

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "Follow")]
    private static extern void Follow(AudioChunk chunk, AudioChunk? previous, int index, long startFrame);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "Writable")]
    private static extern Span<float> Writable(AudioChunk chunk, int channel, int offset, int count);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Frames")]
    private static extern void SetFrames(AudioChunk chunk, int frames);
}
