namespace MixFleet.Reports.Tracks;

/// <summary>The pre-mastering view of a mix.</summary>
public sealed record MixReadinessReport
{
    /// <summary>Every judged check passed.</summary>
    public bool Ready { get; init; }

    /// <summary>The checks.</summary>
    public required IReadOnlyList<ReadinessCheckReport> Checks { get; init; }
}
