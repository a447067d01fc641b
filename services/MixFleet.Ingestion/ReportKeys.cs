namespace MixFleet.Ingestion;

/// <summary>
/// Where ingestion keeps its job manifests in the reports bucket. Track and album report keys are the worker's
/// (<see cref="MixFleet.Fleet.Tracks.TrackReportKeys"/>, <see cref="MixFleet.Fleet.Albums.AlbumReportKeys"/>).
/// </summary>
internal static class ReportKeys
{
    public static string JobManifest(Guid jobId) => $"jobs/{jobId:D}.json";
}
