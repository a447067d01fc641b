using System.Diagnostics;

namespace MixFleet.Fleet.Telemetry;

/// <summary>
/// The stage spans of one track (<c>fetch</c>, <c>decode-analyze</c>, <c>write</c>) under its consumer span, moved on
/// by the store and decoder wrappers the use case is given; the use case itself knows nothing of telemetry. Also
/// counts the frames decoded. Flows with the consumption through <see cref="Current"/>.
/// </summary>
internal sealed class TrackStages : IDisposable
{
    public const string Fetch = "fetch";
    public const string DecodeAnalyze = "decode-analyze";
    public const string Write = "write";

    private static readonly AsyncLocal<TrackStages?> _current = new();

    private readonly ActivitySource _source;
    private readonly Activity? _parent;
    private readonly Lock _lock = new();
    private Activity? _stage;
    private double _audioSeconds;
    private long _progress;
    private int _decodes;

    private TrackStages(ActivitySource source, Activity? parent)
    {
        _source = source;
        _parent = parent;
    }

    /// <summary>The stages of the track being consumed in this async flow, or null outside a consumer.</summary>
    public static TrackStages? Current => _current.Value;

    /// <summary>Seconds of audio decoded so far.</summary>
    public double AudioSeconds
    {
        get { lock (_lock) { return _audioSeconds; } }
    }

    /// <summary>Moves on whenever the track does (a stage entered, frames decoded): what the liveness watchdog samples.</summary>
    public long Progress => Interlocked.Read(ref _progress);

    /// <summary>The open stage span, if any.</summary>
    public Activity? Stage
    {
        get { lock (_lock) { return _stage; } }
    }

    /// <summary>Starts tracking under <paramref name="parent"/> (the consumer span) with the fetch stage, and makes it <see cref="Current"/>.</summary>
    public static TrackStages Begin(ActivitySource source, Activity? parent)
    {
        var stages = new TrackStages(source, parent);
        _current.Value = stages;
        stages.Enter(Fetch);
        return stages;
    }

    /// <summary>Ends the open stage and starts <paramref name="name"/> (a sibling under the consumer span).</summary>
    public void Enter(string name)
    {
        Interlocked.Increment(ref _progress);
        lock (_lock)
        {
            var previous = Activity.Current;
            StopStage(ActivityStatusCode.Unset);
            _stage = _parent is null
                ? _source.StartActivity(name, ActivityKind.Internal)
                : _source.StartActivity(name, ActivityKind.Internal, _parent.Context);
            Activity.Current = previous;
        }
    }

    /// <summary>Ends the open stage, if it is <paramref name="name"/>.</summary>
    public void Exit(string name)
    {
        lock (_lock)
        {
            if (_stage?.OperationName == name)
            {
                StopStage(ActivityStatusCode.Unset);
            }
        }
    }

    /// <summary>Counts a reader opened for the track; true for the first (the analysis), false for the codec preview's re-decodes.</summary>
    public bool BeginDecode() => Interlocked.Increment(ref _decodes) == 1;

    /// <summary>Moves the track's progress on without counting audio (frames decoded again).</summary>
    public void AddProgress() => Interlocked.Increment(ref _progress);

    /// <summary>Adds decoded frames.</summary>
    public void AddFrames(int frames, int sampleRate)
    {
        if (frames > 0 && sampleRate > 0)
        {
            Interlocked.Increment(ref _progress);
            lock (_lock)
            {
                _audioSeconds += (double)frames / sampleRate;
            }
        }
    }

    /// <summary>Ends the open stage with an error.</summary>
    public void Fail()
    {
        lock (_lock)
        {
            StopStage(ActivityStatusCode.Error);
        }
    }

    /// <summary>Ends the open stage and stops flowing.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            StopStage(ActivityStatusCode.Unset);
        }

        if (ReferenceEquals(_current.Value, this))
        {
            _current.Value = null;
        }
    }

    private void StopStage(ActivityStatusCode status)
    {
        if (_stage is null)
        {
            return;
        }

        var previous = Activity.Current;
        if (status != ActivityStatusCode.Unset)
        {
            _stage.SetStatus(status);
        }

        _stage.Stop();
        _stage = null;
        Activity.Current = previous;
    }
}
