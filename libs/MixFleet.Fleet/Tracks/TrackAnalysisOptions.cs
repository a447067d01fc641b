using System.ComponentModel.DataAnnotations;

namespace MixFleet.Fleet.Tracks;

/// <summary>Settings of the worker's track analysis (configuration section <c>MixFleet:Worker</c>).</summary>
public sealed class TrackAnalysisOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "MixFleet:Worker";

    /// <summary>Cores of the process-wide CPU budget shared by every track in flight. Default: every core.</summary>
    [Range(1, 1024)]
    public int Cores { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Messages consumed at once (also the prefetch count). Default: <see cref="Cores"/>, so each core has a track to
    /// decode ahead while others compute; the CPU budget, not this count, bounds the cores in use.
    /// </summary>
    [Range(1, 1024)]
    public int? ConcurrentTracks { get; set; }

    /// <summary>How long a stopping worker lets the tracks in flight finish before it cancels them (they are then redelivered).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "02:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The number of messages consumed at once.</summary>
    public int EffectiveConcurrentTracks => ConcurrentTracks ?? Cores;
}
