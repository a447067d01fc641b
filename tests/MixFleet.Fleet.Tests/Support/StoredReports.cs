using MixFleet.Testing;
using System.Text.Json;
using MixFleet.Fleet.Tracks;
using MixFleet.Reports.Json;

namespace MixFleet.Fleet.Tests.Support;

internal static class StoredReports
{
    public static TrackReportDocument Read(InMemoryObjectStore store, string key)
    {
        var json = store.Get(UseCases.ReportsBucket, key) ?? throw new Xunit.Sdk.XunitException($"no report at {key}");
        return JsonSerializer.Deserialize<TrackReportDocument>(json, ReportJson.Options)!;
    }

    public static void Write(InMemoryObjectStore store, string key, TrackReportDocument document) =>
        store.Put(UseCases.ReportsBucket, key, JsonSerializer.SerializeToUtf8Bytes(document, ReportJson.Options));
}
