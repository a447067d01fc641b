using MixFleet.Jobs.Store;

namespace MixFleet.Ingestion.Jobs;

/// <summary>
/// A job as <c>GET /v1/jobs/{id}</c> and <c>GET /v1/jobs</c> show it (docs/ingestion.md). <see cref="Analyzed"/> counts
/// tracks whose current report has no error, <see cref="Failed"/> those that can never be analyzed; <c>completed</c>
/// means every track settled and every album report is written. <see cref="Albums"/> lists at most
/// <see cref="AlbumListLimit"/> album report keys (in album order); <see cref="AlbumsReported"/> counts them all.
/// </summary>
internal sealed record JobStatus(
    Guid JobId,
    string Kind,
    string State,
    string Bucket,
    string Prefix,
    string Profile,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    int PagesListed,
    int Total,
    int Analyzed,
    int Failed,
    int FailedTransient,
    int Pending,
    int AlbumsTotal,
    int AlbumsReported,
    IReadOnlyList<string> Albums)
{
    public const int AlbumListLimit = 100;

    public static JobStatus From(JobSummary job, IReadOnlyList<string> albums) => new(
        job.JobId, job.Kind, job.State, job.Bucket, job.Prefix, job.Profile, job.CreatedAt, job.CompletedAt, job.PagesListed,
        job.Total, job.Analyzed, job.Failed, job.FailedTransient, Pending: job.Total - job.Analyzed - job.Failed - job.FailedTransient,
        job.AlbumsTotal, job.AlbumsReported, albums);
}
