namespace MixFleet.Ingestion;

/// <summary>
/// Where the fleet writes its outputs in the reports bucket. The worker and the album aggregator write these keys; the
/// integrator should make all three use one definition once the fleet library holds it.
/// </summary>
internal static class ReportKeys
{
    public static string JobManifest(Guid jobId) => $"jobs/{jobId:D}.json";

    public static string Track(string sourceBucket, string sourceKey) => $"reports/tracks/{sourceBucket}/{sourceKey}.json";

    public static string Album(string sourceBucket, string albumKey) => $"reports/albums/{sourceBucket}/{albumKey}album.json";
}
