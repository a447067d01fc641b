namespace MixFleet.Ingestion.Jobs;

/// <summary>
/// Body of <c>GET /v1/jobs/{id}</c>. <see cref="Analyzed"/> counts successful track reports, <see cref="Failed"/> those
/// with an error; the job is <c>completed</c> when every track has one. <see cref="Albums"/> are the album report keys
/// present in the reports bucket.
/// </summary>
internal sealed record JobStatus(Guid JobId, string State, int Total, int Analyzed, int Failed, IReadOnlyList<string> Albums);
