using System.Text.Json;
using System.Text.Json.Serialization;
using MixFleet.Analysis.Engine;
using MixFleet.Audio;
using MixFleet.Testing;

namespace MixFleet.Analysis.Tests.Engine;

/// <summary>
/// Many tracks analyzed at once under one small memory budget (the worker's and the CLI's situation): none deadlocks,
/// the budget holds, and every result is identical to the same track analyzed with memory to spare.
/// </summary>
public sealed class SharedMemoryBudgetTests
{
    private const int Tracks = 12;
    private const int Cores = 4;
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    // 50 segments = 0.5 s chunks, so every track has many chunks and several in flight.
    private static readonly AnalysisOptions Options = new() { ChunkSegments = 50, BlockFrames = 4_096 };

    [Theory]
    [InlineData(1L)] // smaller than any track: each is admitted alone, with one chunk
    [InlineData(3_000_000L)] // about two tracks' admissions: tracks wait, few chunks beyond the first
    [InlineData(12_000_000L)] // most tracks at once, and chunks for parallelism while there is room
    public async Task ManyTracks_SmallBudget_AllCompleteWithTheUnconstrainedResults(long budgetBytes)
    {
        var signals = Enumerable.Range(0, Tracks).Select(Signal).ToArray();
        var expected = new string[Tracks];
        for (var i = 0; i < Tracks; i++)
        {
            using var cores = new CpuBudget(Cores);
            expected[i] = await AnalyzeAsync(signals[i], cores, MemoryBudget.FromMegabytes(1_024));
        }

        using var shared = new CpuBudget(Cores);
        var memory = new MemoryBudget(budgetBytes);
        var actual = await Task.WhenAll(signals.Select(s => Task.Run(() => AnalyzeAsync(s, shared, memory)))).WaitAsync(Bound);

        for (var i = 0; i < Tracks; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }

        Assert.Equal(0, memory.Reserved);
        var largestAdmission = signals.Max(s => Admission(s));
        Assert.True(memory.PeakReserved <= Math.Max(budgetBytes, largestAdmission), $"peak {memory.PeakReserved} bytes reserved, budget {budgetBytes}");
    }

    [Fact]
    public async Task TrackCancelledWhileWaitingForAdmission_GivesUpItsPlace_AndTheOthersComplete()
    {
        var signals = Enumerable.Range(0, 3).Select(Signal).ToArray();
        using var shared = new CpuBudget(2);
        var memory = new MemoryBudget(1);
        var held = await memory.ReserveAsync(1, CancellationToken.None); // nothing is admitted until this goes
        using var cancel = new CancellationTokenSource();
        var cancelled = Task.Run(() => AnalyzeAsync(signals[0], shared, memory, cancel.Token));
        var others = signals[1..].Select(s => Task.Run(() => AnalyzeAsync(s, shared, memory))).ToArray();
        await WaitUntil(() => memory.HasWaiters);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Bound));
        held.Dispose();

        await Task.WhenAll(others).WaitAsync(Bound);
        Assert.Equal(0, memory.Reserved);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < Bound, "condition not met in time");
            await Task.Delay(10);
        }
    }

    private static long Admission((float[][] Channels, int Rate) signal)
    {
        using var reader = new ArrayAudioReader(signal.Channels, signal.Rate);
        var layout = new ChunkLayout(signal.Rate, Options.ChunkSegments, Options.PreRollSeconds);
        return TrackMemory.Admission(reader.Info, layout, Options.BlockFrames);
    }

    private static async Task<string> AnalyzeAsync((float[][] Channels, int Rate) signal, CpuBudget cores, MemoryBudget memory, CancellationToken cancellationToken = default)
    {
        using var reader = new ArrayAudioReader(signal.Channels, signal.Rate, ChannelLayout.Default(signal.Channels.Length));
        var analysis = await new TrackAnalyzer(Options, cores, memory).AnalyzeAsync(reader, cancellationToken: cancellationToken);
        return JsonSerializer.Serialize(analysis, Json);
    }

    private static (float[][] Channels, int Rate) Signal(int seed)
    {
        var random = new Random(seed);
        int[] rates = [44_100, 48_000, 96_000];
        var rate = rates[random.Next(rates.Length)];
        var frames = (int)((2 + (random.NextDouble() * 6)) * rate);
        var channels = new float[random.Next(1, 3)][];
        for (var c = 0; c < channels.Length; c++)
        {
            var frequency = 50 + (random.NextDouble() * 5_000);
            var x = new float[frames];
            for (var i = 0; i < frames; i++)
            {
                var envelope = 0.5 + (0.5 * Math.Sin(2 * Math.PI * 0.4 * i / rate));
                x[i] = (float)(0.3 * envelope * ((0.8 * Math.Sin(2 * Math.PI * frequency * i / rate)) + (0.2 * ((random.NextDouble() * 2) - 1))));
            }

            channels[c] = x;
        }

        return (channels, rate);
    }
}
