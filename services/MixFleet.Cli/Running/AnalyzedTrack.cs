using MixFleet.Analysis;
using MixFleet.Reports.Albums;
using MixFleet.Reports.Tracks;

namespace MixFleet.Cli.Running;

/// <summary>One track's report and its album input (which keeps the block and short-term energies).</summary>
internal sealed record AnalyzedTrack(TrackReport Report, AlbumTrackInput Album)
{
    public static AnalyzedTrack Of(TrackReport report, TrackAnalysis? analysis) => new(report, AlbumTrackInputFactory.From(report, analysis));
}
