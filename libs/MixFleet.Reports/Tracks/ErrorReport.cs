namespace MixFleet.Reports.Tracks;

/// <summary>Why a file could not be analyzed: a stable code (docs/decoder-errors.md) and a human message.</summary>
public sealed record ErrorReport
{
    /// <summary>Stable kebab-case code, e.g. <c>truncated</c>.</summary>
    public required string Code { get; init; }

    /// <summary>What is wrong, naming the file.</summary>
    public required string Message { get; init; }
}
