using MixFleet.Jobs.Store;
using MixFleet.Reports.Albums;
using MixFleet.Reports.Qc;

namespace MixFleet.Fleet.Albums;

/// <summary>The warn and fail verdicts of an album report, as the job store keeps them for the dashboard.</summary>
public static class AlbumFindings
{
    /// <summary>Album-level verdicts (track key '') then each track's, in album order; passes are left out.</summary>
    public static IReadOnlyList<AlbumFinding> From(AlbumReport album)
    {
        ArgumentNullException.ThrowIfNull(album);
        var albumLevel = album.Verdicts.Where(IsFinding).Select(v => ToFinding("", v));
        var trackLevel = album.Tracks.SelectMany(t => t.Verdicts.Where(IsFinding).Select(v => ToFinding(t.Path, v)));
        return albumLevel.Concat(trackLevel).ToList();
    }

    private static bool IsFinding(RuleVerdict verdict) => verdict.Status is VerdictStatus.Warn or VerdictStatus.Fail;

    private static AlbumFinding ToFinding(string trackKey, RuleVerdict verdict) =>
        new(trackKey, verdict.Rule, verdict.Status == VerdictStatus.Fail ? "fail" : "warn", verdict.Measured, verdict.Threshold, verdict.Reason);
}
