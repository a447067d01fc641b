using System.Diagnostics;
using System.Globalization;
using MixFleet.Analysis;
using MixFleet.Analysis.Engine;
using MixFleet.Audio;
using MixFleet.Audio.Ffmpeg;
using MixFleet.Reports.Json;
using MixFleet.Reports.Tracks;

namespace MixFleet.Benchmarks.Tools;

/// <summary>
/// <c>trace FILE [CORES] [ROUNDS]</c>: where one track's time goes in the engine, for the <c>--parallelism</c> speed-up
/// (bench/compare-ffmpeg.sh). Each round analyzes the file with an <see cref="EngineTrace"/> and prints, per stage, the
/// summed wall time (decode and measure summed over threads) and the process CPU time of the whole analysis, of the
/// serial merge and of the report (JSON). The first round includes the JIT of anything ReadyToRun did not precompile.
/// The process CPU time of a serial section is its own cost even on a loaded machine; wall times are not.
/// </summary>
internal static class TraceCommand
{
    public static int Run(string path, string[] rest)
    {
        var cores = rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 2;
        var rounds = rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 2;
        var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"start-up to Main: {(process.TotalProcessorTime).TotalSeconds:0.000} CPU s"));
        for (var round = 1; round <= rounds; round++)
        {
            var trace = new EngineTrace();
            using var budget = new CpuBudget(cores);
            var cpu0 = Cpu();
            var wall = Stopwatch.StartNew();
            TrackAnalysis analysis;
            using (var reader = new AudioDecoder(new FfmpegDecoder()).Open(path))
            {
                analysis = new TrackAnalyzer(AnalysisOptions.Default, budget) { Trace = trace }.AnalyzeAsync(reader).GetAwaiter().GetResult();
            }

            var analyzed = wall.Elapsed.TotalSeconds;
            var cpu1 = Cpu();
            var json = System.Text.Json.JsonSerializer.Serialize(TrackReportFactory.FromAnalysis(path, "trace", analysis), ReportJson.Options);
            var cpu2 = Cpu();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}, {cores} core(s): analysis {analyzed:0.000} s wall, {cpu1 - cpu0:0.000} CPU s; report JSON ({json.Length / 1024} KB) {cpu2 - cpu1:0.000} CPU s"));
            foreach (var (stage, elapsed) in trace.Stages)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {stage,-28}{elapsed.TotalSeconds,9:0.000} s"));
            }
        }

        return 0;
    }

    /// <summary>
    /// <c>memory DIR [CORES] [BUDGET_MB]</c>: every WAV of DIR analyzed at once, as the CLI and the worker do, and where the
    /// memory went: the budget's peak, the managed heap, the threads, and the process's peak RSS.
    /// </summary>
    public static int Memory(string folder, string[] rest)
    {
        var cores = rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 16;
        var megabytes = rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : MemoryBudget.DefaultMegabytes;
        var files = Directory.GetFiles(folder, "*.wav").Order(StringComparer.Ordinal).ToArray();
        using var budget = new CpuBudget(cores);
        var memory = MemoryBudget.FromMegabytes(megabytes);
        var peakHeap = 0L;
        var peakThreads = 0;
        using var sampler = new Timer(_ =>
        {
            peakHeap = Math.Max(peakHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
            peakThreads = Math.Max(peakThreads, ThreadPool.ThreadCount);
        }, null, 0, 50);
        Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = cores }, async (file, ct) =>
        {
            using var reader = new AudioDecoder(new FfmpegDecoder()).Open(file);
            await new TrackAnalyzer(AnalysisOptions.Default, budget, memory).AnalyzeAsync(reader, null, ct);
        }).GetAwaiter().GetResult();
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{files.Length} files, {cores} cores, budget {megabytes} MiB: budget peak {memory.PeakReserved / 1048576.0:0.0} MiB; managed heap peak (sampled) {peakHeap / 1048576.0:0.0} MiB, last GC: heap {info.HeapSizeBytes / 1048576.0:0.0} MiB, fragmented {info.FragmentedBytes / 1048576.0:0.0} MiB, committed {info.TotalCommittedBytes / 1048576.0:0.0} MiB; allocated {GC.GetTotalAllocatedBytes() / 1048576.0:0} MiB; gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}; thread pool threads peak {peakThreads}; peak RSS {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0.0} MiB"));
        return 0;
    }

    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
}
