using MixFleet.Cli.Discovery;
using MixFleet.Reports.Tracks;

namespace MixFleet.Cli.Running;

/// <summary>Receives what a run is doing, for a progress display. Called from several threads at once.</summary>
internal interface IAnalysisProgress
{
    void TrackStarted(TrackSource track, double? durationSeconds);

    void TrackAdvanced(TrackSource track, double decodedSeconds);

    void TrackFinished(TrackSource track, TrackReport report);
}
