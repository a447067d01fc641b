using System.Globalization;
using MixFleet.Analysis;
using MixFleet.Analysis.Engine;
using MixFleet.Analysis.Loudness;
using MixFleet.Analysis.Peaks;
using MixFleet.Audio;
using MixFleet.Audio.Ffmpeg;

namespace MixFleet.Benchmarks.Tools;

/// <summary>
/// Measurement modes used by <c>bench/compare-ffmpeg.sh</c> (the CLI does not expose the chunk size):
/// <list type="bullet">
/// <item><c>engine FILE [CHUNK_SEGMENTS] [CORES]</c>: the chunked engine with a chosen chunk length (10 ms segments).</item>
/// <item><c>single-pass FILE</c>: the same kernels fed block by block in one pass, no chunks, no pre-roll: the
/// reference the chunked engine must equal. Memory stays small at any length (one block plus the 10 ms segments).</item>
/// <item><c>metrics FILE [SECONDS] [ROUNDS]</c>: each metric's Measure and Merge alone (<see cref="MetricCostCommand"/>).</item>
/// <item><c>trace FILE [CORES] [ROUNDS]</c>: where the engine's time goes (<see cref="TraceCommand"/>).</item>
/// <item><c>memory DIR [CORES] [BUDGET_MB]</c>: peak memory of a folder analyzed at once (<see cref="TraceCommand.Memory"/>).</item>
/// <item><c>decode FILE [REPEATS] [--no-md5]</c>: decode throughput alone (<see cref="DecodeCommand"/>).</item>
/// </list>
/// The first two print one line: <c>I LRA Mmax Smax SamplePeak TruePeak</c> with four decimals, and GC figures on stderr.
/// </summary>
internal static class MeasureCommands
{
    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        switch (args)
        {
            case ["engine", var path, .. var rest]:
                var segments = rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : AnalysisOptions.Default.ChunkSegments;
                var cores = rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 1;
                exitCode = Engine(path, segments, cores);
                return true;
            case ["trace", var path, .. var rest]:
                exitCode = TraceCommand.Run(path, rest);
                return true;
            case ["memory", var folder, .. var rest]:
                exitCode = TraceCommand.Memory(folder, rest);
                return true;
            case ["single-pass", var path]:
                exitCode = SinglePass(path);
                return true;
            case ["metrics", var path, .. var rest]:
                exitCode = MetricCostCommand.Run(path, rest);
                return true;
            case ["decode", var path, .. var rest]:
                exitCode = DecodeCommand.Run(path, rest);
                return true;
            case ["true-peak", var path, var mode, .. var seconds]:
                exitCode = TruePeakOnly(path, Enum.Parse<TruePeakMode>(mode, ignoreCase: true), seconds.Length > 0 ? double.Parse(seconds[0], CultureInfo.InvariantCulture) : 300);
                return true;
            default:
                return false;
        }
    }

    private static int Engine(string path, int chunkSegments, int cores)
    {
        using var reader = new AudioDecoder(new FfmpegDecoder()).Open(path);
        using var budget = new CpuBudget(cores);
        var options = AnalysisOptions.Default with { ChunkSegments = chunkSegments };
        var analysis = new TrackAnalyzer(options, budget).AnalyzeAsync(reader).GetAwaiter().GetResult();
        Print(analysis.Loudness, analysis.Peaks.SamplePeak, analysis.Peaks.TruePeak);
        PrintGc();
        return 0;
    }

    private static int SinglePass(string path)
    {
        using var reader = new AudioDecoder(new FfmpegDecoder()).Open(path);
        var info = reader.Info;
        var interpolator = TruePeakKernels.For(AnalysisOptions.Default.TruePeak, info.SampleRate);
        var history = interpolator.History;
        var blockFrames = AnalysisOptions.Default.BlockFrames;
        var block = new AudioBuffer(info.Channels, blockFrames);
        var accumulator = new LoudnessAccumulator(info.SampleRate, ChannelWeights.For(info.Layout));
        var window = new float[info.Channels][];
        var samplePeak = 0f;
        var truePeak = 0f;
        for (var c = 0; c < info.Channels; c++)
        {
            window[c] = new float[history + Math.Max(blockFrames, history)]; // zeros before the track, as the first chunk's pre-roll
        }

        while (reader.Read(block) > 0)
        {
            accumulator.Process(block);
            for (var c = 0; c < info.Channels; c++)
            {
                var samples = block.Channel(c);
                samplePeak = MathF.Max(samplePeak, SamplePeakMeter.MaxAbs(samples));
                samples.CopyTo(window[c].AsSpan(history));
                truePeak = interpolator.Measure(window[c].AsSpan(0, history + samples.Length), MathF.Max(truePeak, samplePeak)).Max;
                window[c].AsSpan(samples.Length, history).CopyTo(window[c]); // keep the last samples as history
            }
        }

        for (var c = 0; c < info.Channels; c++)
        {
            // The track ends in silence: interpolate into it, as the engine's merge does.
            window[c].AsSpan(history, history).Clear();
            truePeak = interpolator.Measure(window[c].AsSpan(0, 2 * history), truePeak).Max;
        }

        Print(LoudnessCalculator.Compute(accumulator.CompletedSegments, info.SampleRate), samplePeak, truePeak);
        PrintGc();
        return 0;
    }

    /// <summary>
    /// The true-peak kernel alone over the first <paramref name="seconds"/> of a file, decoded into memory first: prints
    /// the peak and the kernel's CPU time (process user+sys, so other load on the machine does not count).
    /// </summary>
    private static int TruePeakOnly(string path, TruePeakMode mode, double seconds)
    {
        using var reader = new AudioDecoder(new FfmpegDecoder()).Open(path);
        var info = reader.Info;
        var kernel = TruePeakKernels.For(mode, info.SampleRate);
        var frames = (int)(seconds * info.SampleRate);
        var channels = Enumerable.Range(0, info.Channels).Select(_ => new float[kernel.History + frames]).ToArray();
        var block = new AudioBuffer(info.Channels, AnalysisOptions.Default.BlockFrames);
        var filled = 0;
        while (filled < frames && reader.Read(block) > 0)
        {
            var count = Math.Min(block.Frames, frames - filled);
            for (var c = 0; c < info.Channels; c++)
            {
                block.Channel(c)[..count].CopyTo(channels[c].AsSpan(kernel.History + filled));
            }

            filled += count;
        }

        kernel.Measure(channels[0].AsSpan(0, kernel.History + Math.Min(filled, 44_100)), 0f); // JIT
        var before = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var peak = 0f;
        long overs = 0;
        foreach (var channel in channels)
        {
            var (max, above) = kernel.Measure(channel.AsSpan(0, kernel.History + filled), peak);
            peak = max;
            overs += above;
        }

        var cpu = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
        var audioSeconds = (double)filled / info.SampleRate;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{mode}: true peak {20 * Math.Log10(peak):0.0000} dBTP ({peak:G9}), overs {overs}, {audioSeconds:0} s x {info.Channels} ch in {cpu:0.000} CPU s ({cpu * 1e9 / (filled * (double)info.Channels):0.00} ns/sample, {audioSeconds / cpu:0} x realtime per core)"));
        return 0;
    }

    // On stderr, so scripts can keep reading the values line from stdout.
    private static void PrintGc() =>
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"gc: allocated {GC.GetTotalAllocatedBytes() / 1048576.0:0.0} MB, collections gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, peak working set {Environment.WorkingSet / 1048576.0:0.0} MB"));

    private static void Print(LoudnessResult loudness, double samplePeak, double truePeak) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{loudness.IntegratedLufs:0.0000} {loudness.LoudnessRangeLu:0.0000} {loudness.MomentaryMaxLufs:0.0000} {loudness.ShortTermMaxLufs:0.0000} {20 * Math.Log10(samplePeak):0.0000} {20 * Math.Log10(truePeak):0.0000}"));
}
