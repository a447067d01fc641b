using System.Collections.Concurrent;
using MixFleet.Cli.Discovery;
using MixFleet.Cli.Running;
using MixFleet.Reports.Tracks;
using Spectre.Console;

namespace MixFleet.Cli.Output;

/// <summary>
/// A live display on stderr: one bar for the whole run and one per file in flight (by decoded seconds). Errors are
/// written as they happen. Draws nothing live when stderr is not a terminal.
/// </summary>
internal sealed class ConsoleProgress(ProgressContext context, int total, IAnsiConsole errors) : IAnalysisProgress
{
    private readonly ProgressTask _overall = context.AddTask($"Analyzing {total} file(s)", maxValue: Math.Max(total, 1));
    private readonly ConcurrentDictionary<string, ProgressTask> _tracks = new();

    public void TrackStarted(TrackSource track, double? durationSeconds)
    {
        var task = context.AddTask(Markup.Escape(Path.GetFileName(track.Path)), maxValue: durationSeconds is > 0 ? durationSeconds.Value : 1);
        task.IsIndeterminate = durationSeconds is not > 0;
        _tracks[track.Path] = task;
    }

    public void TrackAdvanced(TrackSource track, double decodedSeconds)
    {
        if (_tracks.TryGetValue(track.Path, out var task) && !task.IsIndeterminate)
        {
            task.Value = Math.Min(decodedSeconds, task.MaxValue);
        }
    }

    public void TrackFinished(TrackSource track, TrackReport report)
    {
        if (_tracks.TryRemove(track.Path, out var task))
        {
            task.Value = task.MaxValue;
            task.StopTask();
        }

        if (report.Error is { } error)
        {
            errors.MarkupLineInterpolated($"[yellow]warning:[/] {error.Code}: {error.Message}");
        }

        _overall.Increment(1);
    }
}
