using System.Collections.Concurrent;
using System.Diagnostics;

namespace MixFleet.Analysis.Engine;

/// <summary>
/// Where a track's time goes, for benchmarks: the summed wall time of each stage of the engine (admission, decode,
/// measure, and each step of the merge), whichever thread ran it. Thread-safe; off unless a trace is given to
/// <see cref="TrackAnalyzer"/>.
/// </summary>
public sealed class EngineTrace
{
    private readonly ConcurrentDictionary<string, long> _ticks = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>Each stage's summed wall time, in the order stages were first seen.</summary>
    public IReadOnlyList<(string Stage, TimeSpan Elapsed)> Stages =>
        [.. _order.Select(s => (s, Stopwatch.GetElapsedTime(0, _ticks[s])))];

    /// <summary>Starts timing <paramref name="stage"/>; dispose the result to add the elapsed time.</summary>
    public Timing Time(string stage) => new(this, stage, Stopwatch.GetTimestamp());

    private void Add(string stage, long ticks)
    {
        if (_ticks.TryAdd(stage, 0))
        {
            _order.Enqueue(stage);
        }

        _ticks.AddOrUpdate(stage, ticks, (_, total) => total + ticks);
    }

    /// <summary>A stage being timed.</summary>
    public readonly struct Timing : IDisposable
    {
        private readonly EngineTrace? _trace;
        private readonly string _stage;
        private readonly long _start;

        internal Timing(EngineTrace? trace, string stage, long start)
        {
            _trace = trace;
            _stage = stage;
            _start = start;
        }

        /// <summary>Adds the time since the timing started to its stage.</summary>
        public void Dispose() => _trace?.Add(_stage, Stopwatch.GetTimestamp() - _start);
    }
}
