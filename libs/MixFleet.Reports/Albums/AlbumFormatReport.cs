namespace MixFleet.Reports.Albums;

/// <summary>The distinct formats found on an album; more than one of a kind is inconsistent.</summary>
public sealed record AlbumFormatReport
{
    /// <summary>Distinct sample rates, Hz.</summary>
    public required IReadOnlyList<int> SampleRates { get; init; }

    /// <summary>Distinct bit depths (lossy tracks have none).</summary>
    public required IReadOnlyList<int> BitDepths { get; init; }

    /// <summary>Distinct channel counts.</summary>
    public required IReadOnlyList<int> Channels { get; init; }

    /// <summary>True when every analyzed track has the same sample rate, bit depth and channel count.</summary>
    public required bool Consistent { get; init; }
}
