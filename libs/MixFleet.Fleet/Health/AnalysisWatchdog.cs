using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using MixFleet.Fleet.Telemetry;
using MixFleet.Fleet.Tracks;

namespace MixFleet.Fleet.Health;

/// <summary>
/// Watches the tracks in flight for progress (<see cref="TrackStages.Progress"/>: a stage entered, frames decoded).
/// Each <see cref="FindStalled"/> samples them: a track whose progress has not moved for
/// <see cref="TrackAnalysisOptions.StallTimeout"/> is stalled (an S3 read that never returns, a decoder that hangs),
/// and the worker's liveness check fails so that the orchestrator restarts the process.
/// </summary>
public sealed class AnalysisWatchdog(IOptions<TrackAnalysisOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<Watch, byte> _inFlight = new();

    /// <summary>Starts watching <paramref name="stages"/> (the track <paramref name="name"/>) until the result is disposed.</summary>
    internal IDisposable Begin(TrackStages stages, string name)
    {
        var watch = new Watch(this, stages, name, stages.Progress, timeProvider.GetUtcNow());
        _inFlight[watch] = 0;
        return watch;
    }

    /// <summary>The tracks that made no progress for the stall timeout, with how long; empty when all move.</summary>
    public IReadOnlyList<(string Name, TimeSpan Idle)> FindStalled()
    {
        var now = timeProvider.GetUtcNow();
        var stalled = new List<(string, TimeSpan)>();
        foreach (var watch in _inFlight.Keys)
        {
            var idle = watch.Sample(now);
            if (idle >= options.Value.StallTimeout)
            {
                stalled.Add((watch.Name, idle));
            }
        }

        return stalled;
    }

    private sealed class Watch(AnalysisWatchdog owner, TrackStages stages, string name, long progress, DateTimeOffset at) : IDisposable
    {
        private readonly Lock _lock = new();
        private long _progress = progress;
        private DateTimeOffset _movedAt = at;

        public string Name { get; } = name;

        /// <summary>How long the track has not moved, as of <paramref name="now"/>.</summary>
        public TimeSpan Sample(DateTimeOffset now)
        {
            lock (_lock)
            {
                var progress = stages.Progress;
                if (progress != _progress)
                {
                    (_progress, _movedAt) = (progress, now);
                }

                return now - _movedAt;
            }
        }

        public void Dispose() => owner._inFlight.TryRemove(this, out _);
    }
}
