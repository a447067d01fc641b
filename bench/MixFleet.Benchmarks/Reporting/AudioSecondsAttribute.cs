namespace MixFleet.Benchmarks.Reporting;

/// <summary>How many seconds of audio one invocation of the benchmark method processes (for the x-realtime column).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AudioSecondsAttribute(double seconds) : Attribute
{
    /// <summary>Seconds of audio per invocation.</summary>
    public double Seconds { get; } = seconds;
}
