using MixFleet.Cli.Discovery;
using MixFleet.Cli.Running;
using MixFleet.Reports.Tracks;

namespace MixFleet.Cli.Output;

/// <summary>
/// Progress for a log rather than a terminal (stderr redirected, CI): one line per finished file, so a long run
/// still shows it is moving, and every failure with its code.
/// </summary>
internal sealed class PlainProgress(TextWriter log, int total) : IAnalysisProgress
{
    private int _done;

    public void TrackStarted(TrackSource track, double? durationSeconds)
    {
    }

    public void TrackAdvanced(TrackSource track, double decodedSeconds)
    {
    }

    public void TrackFinished(TrackSource track, TrackReport report)
    {
        var done = Interlocked.Increment(ref _done);
        var line = report.Error is { } error
            ? $"[{done}/{total}] warning: {error.Code}: {error.Message}"
            : $"[{done}/{total}] {track.Path}";
        lock (log)
        {
            log.WriteLine(line);
        }
    }
}
