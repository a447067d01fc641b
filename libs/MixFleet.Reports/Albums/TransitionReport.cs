namespace MixFleet.Reports.Albums;

/// <summary>The join between two consecutive tracks.</summary>
public sealed record TransitionReport
{
    /// <summary>Label of the outgoing track.</summary>
    public required string From { get; init; }

    /// <summary>Label of the incoming track.</summary>
    public required string To { get; init; }

    /// <summary>Trailing silence of the outgoing plus leading silence of the incoming track, seconds; null when not measured.</summary>
    public double? GapSeconds { get; init; }

    /// <summary>Short-term loudness of the last 3 s of the outgoing track, LUFS.</summary>
    public double? FromLastLufs { get; init; }

    /// <summary>Short-term loudness of the first 3 s of the incoming track, LUFS.</summary>
    public double? ToFirstLufs { get; init; }

    /// <summary>Incoming first 3 s minus outgoing last 3 s, LU (positive = louder); null when either is silent or shorter than 3 s.</summary>
    public double? JumpLu { get; init; }

    /// <summary>Body loudness of the outgoing track before its fade-out or tail (its last audible 3 s when it has none), LUFS.</summary>
    public double? FromBodyLufs { get; init; }

    /// <summary>Body loudness of the incoming track after its fade-in (its first audible 3 s when it has none), LUFS.</summary>
    public double? ToBodyLufs { get; init; }

    /// <summary>Fade-out (or tail) of the outgoing track, seconds; 0 when none, null when not measured.</summary>
    public double? FromFadeOutSeconds { get; init; }

    /// <summary>Fade-in of the incoming track, seconds; 0 when none, null when not measured.</summary>
    public double? ToFadeInSeconds { get; init; }

    /// <summary>
    /// Incoming body minus outgoing body, LU (positive = louder): the level change a listener hears across the join,
    /// fades set aside. Null when either body is not measured; the transition rule then falls back to <see cref="JumpLu"/>.
    /// </summary>
    public double? BodyJumpLu { get; init; }
}
