namespace MixFleet.Jobs.Store;

/// <summary>
/// A warn or fail verdict of a written album report, kept in the job store so the dashboard can list and filter them
/// without reading reports from S3.
/// </summary>
/// <param name="TrackKey">The track's object key; empty for an album-level rule.</param>
/// <param name="Rule">The rule id (docs/album-report.md), e.g. <c>true-peak</c>; <c>analyzed</c> for a file that could not be read.</param>
/// <param name="Status"><c>warn</c> or <c>fail</c>.</param>
/// <param name="Measured">The measured value with its unit, when there is one.</param>
/// <param name="Threshold">The rule's threshold as text.</param>
/// <param name="Reason">One line saying why.</param>
public sealed record AlbumFinding(string TrackKey, string Rule, string Status, string? Measured, string? Threshold, string Reason);
