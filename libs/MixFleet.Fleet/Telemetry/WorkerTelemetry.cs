using System.Diagnostics;
using System.Diagnostics.Metrics;
using MixFleet.Analysis;

namespace MixFleet.Fleet.Telemetry;

/// <summary>
/// Owns the worker's <see cref="ActivitySource"/> and <see cref="Meter"/> (both named <see cref="Name"/>); one
/// singleton per process. Metric tags are low-cardinality: never an object key, a job id or a trace id.
/// </summary>
public sealed class WorkerTelemetry : IDisposable
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "MixFleet.Worker";

    /// <summary>Tracks analyzed (a report without error); tag <c>mixfleet.reused</c>.</summary>
    public const string TracksAnalyzedName = "mixfleet.worker.tracks.analyzed";

    /// <summary>Tracks with a failure report; tag <c>mixfleet.reason</c> = the error code.</summary>
    public const string TracksFailedName = "mixfleet.worker.tracks.failed";

    /// <summary>Seconds of audio decoded and measured (reused reports add nothing).</summary>
    public const string AudioAnalyzedName = "mixfleet.worker.audio.analyzed";

    /// <summary>Wall time of one track's use case; tag <c>mixfleet.outcome</c>.</summary>
    public const string AnalysisDurationName = "mixfleet.worker.analysis.duration";

    /// <summary>From the message's sent time to the start of its consumption.</summary>
    public const string QueueWaitName = "mixfleet.worker.queue.wait";

    private readonly Meter _meter;

    /// <summary>Creates the source and the instruments; the meter comes from <paramref name="meterFactory"/>.</summary>
    public WorkerTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(Name, AnalyzerVersion.Current);
        ActivitySource = new ActivitySource(Name, AnalyzerVersion.Current);
        TracksAnalyzed = _meter.CreateCounter<long>(TracksAnalyzedName, "{track}", "Tracks analyzed (reports without error).");
        TracksFailed = _meter.CreateCounter<long>(TracksFailedName, "{track}", "Tracks that cannot be analyzed (failure reports), by error code.");
        AudioAnalyzed = _meter.CreateCounter<double>(AudioAnalyzedName, "s", "Seconds of audio decoded and measured.");
        AnalysisDuration = _meter.CreateHistogram<double>(AnalysisDurationName, "s", "Wall time of one track's analysis, report lookup and write included.");
        QueueWait = _meter.CreateHistogram<double>(QueueWaitName, "s", "Time an AnalyzeTrack command waited between being sent and being consumed.");
    }

    /// <summary>The worker's spans: one per consumed track, with one child per stage.</summary>
    public ActivitySource ActivitySource { get; }

    /// <summary>See <see cref="TracksAnalyzedName"/>.</summary>
    public Counter<long> TracksAnalyzed { get; }

    /// <summary>See <see cref="TracksFailedName"/>.</summary>
    public Counter<long> TracksFailed { get; }

    /// <summary>See <see cref="AudioAnalyzedName"/>.</summary>
    public Counter<double> AudioAnalyzed { get; }

    /// <summary>See <see cref="AnalysisDurationName"/>.</summary>
    public Histogram<double> AnalysisDuration { get; }

    /// <summary>See <see cref="QueueWaitName"/>.</summary>
    public Histogram<double> QueueWait { get; }

    /// <inheritdoc />
    public void Dispose() => ActivitySource.Dispose();
}
