using MixFleet.Jobs.Store;

namespace MixFleet.Ingestion.Dashboard.Live;

/// <summary>What a running job's page updates on every event: its state and counters.</summary>
internal sealed record LiveJob(string State, int Total, int Analyzed, int Failed, int FailedTransient, int AlbumsTotal, int AlbumsReported, int Percent)
{
    public static LiveJob From(JobSummary job) => new(
        job.State, job.Total, job.Analyzed, job.Failed, job.FailedTransient, job.AlbumsTotal, job.AlbumsReported, Progress.Percent(job));
}
