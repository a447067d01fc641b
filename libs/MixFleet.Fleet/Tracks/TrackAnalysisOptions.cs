using System.ComponentModel.DataAnnotations;

namespace MixFleet.Fleet.Tracks;

/// <summary>Settings of the worker's track analysis (configuration section <c>MixFleet:Worker</c>).</summary>
public sealed class TrackAnalysisOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "MixFleet:Worker";

    /// <summary>Cores of the process-wide CPU budget shared by every track in flight. Default: every core.</summary>
    [Range(1, 1024)]
    public int Cores { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// The analysis engine's memory budget in MiB, shared by every track in flight: chunk buffers, pre-roll tails,
    /// decode blocks and each track's partials. A track is admitted when its first chunk and state fit; chunks for
    /// parallelism are taken only while the budget has room, so the engine's memory does not grow with
    /// <see cref="Cores"/> × <see cref="ConcurrentTracks"/>. Default 512 (docs/chunked-engine.md, "Memory").
    /// </summary>
    [Range(16, 1_048_576)]
    public int MemoryBudgetMb { get; set; } = Analysis.Engine.MemoryBudget.DefaultMegabytes;

    /// <summary>
    /// Messages consumed at once (also the prefetch count). Default: <see cref="Cores"/>, so each core has a track to
    /// decode ahead while others compute; the CPU budget, not this count, bounds the cores in use.
    /// </summary>
    [Range(1, 1024)]
    public int? ConcurrentTracks { get; set; }

    /// <summary>How long a stopping worker lets the tracks in flight finish before it cancels them (they are then redelivered).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "02:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a track in flight may make no progress (no frame decoded, no stage entered) before the worker's liveness
    /// check (<c>/health/live</c>) fails and the orchestrator restarts it; its message is then redelivered.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The port of the worker's health endpoints (<c>/health/live</c>, <c>/health/ready</c>), on every interface.</summary>
    [Range(1, 65535)]
    public int HealthPort { get; set; } = 8081;

    /// <summary>
    /// Retries of a track whose dependencies fail (S3, the job store, the broker), exponentially spaced from 1 s up to
    /// <see cref="RetryMaxInterval"/>: the defaults (12, 2 min) ride out about 14 minutes of outage, within RabbitMQ's
    /// 30-minute consumer timeout. While retrying, a track keeps its slot, so a worker whose dependency is down stops
    /// taking new messages. A command still failing after them ends in <c>analyze-track_error</c> and its tracks are
    /// stranded (the job's <c>failedTransient</c>) until redriven or given up.
    /// </summary>
    [Range(0, 30)]
    public int RetryLimit { get; set; } = 12;

    /// <summary>The longest wait between two retries (<see cref="RetryLimit"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The largest object of an ffmpeg format (MP3, AAC, Ogg, …) copied to the temporary directory for decoding; a larger
    /// one gets a <c>too-large</c> failure report. Size the pod's temporary volume for <see cref="EffectiveConcurrentTracks"/>
    /// times this (k8s/ and the chart: 2 × 2 GiB + margin = 5 GiB). WAV, AIFF, RF64 and FLAC stream without a copy.
    /// </summary>
    [Range(1_048_576, 1_099_511_627_776)]
    public long MaxSpoolBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>The number of messages consumed at once.</summary>
    public int EffectiveConcurrentTracks => ConcurrentTracks ?? Cores;
}
