namespace MixFleet.Contracts;

/// <summary>
/// The fleet's queues. Commands are sent to a queue by name, so senders and consumers must agree on it; the messaging
/// wiring prefixes each with <c>MixFleet:RabbitMq:QueuePrefix</c> (empty by default).
/// </summary>
public static class QueueNames
{
    /// <summary><c>AnalyzeTrack</c> commands, consumed by the workers.</summary>
    public const string AnalyzeTrack = "analyze-track";

    /// <summary><c>AggregateAlbum</c> commands, consumed by the workers.</summary>
    public const string AlbumAggregation = "album-aggregation";

    /// <summary><c>TrackAnalyzed</c> / <c>TrackFailed</c> events settled into the job store.</summary>
    public const string JobProgress = "job-progress";

    /// <summary><c>ScanPrefix</c> commands: list one more page of a scan.</summary>
    public const string ScanPrefix = "scan-prefix";

    /// <summary>Commands that ended in a worker's <c>_error</c> queue (MassTransit's <c>Fault&lt;T&gt;</c>), recorded by the control plane.</summary>
    public const string JobFaults = "job-faults";
}
