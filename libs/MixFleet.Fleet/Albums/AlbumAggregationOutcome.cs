using MixFleet.Reports.Albums;
using MixFleet.Reports.Qc;

namespace MixFleet.Fleet.Albums;

/// <summary>The outcome of one album aggregation.</summary>
public sealed record AlbumAggregationOutcome
{
    /// <summary>Written or not complete.</summary>
    public required AlbumAggregationStatus Status { get; init; }

    /// <summary>Tracks whose reports went into the album report.</summary>
    public int TrackCount { get; init; }

    /// <summary>Key of the album JSON; null when not written.</summary>
    public string? JsonKey { get; init; }

    /// <summary>Key of the album CSV; null when not written.</summary>
    public string? CsvKey { get; init; }

    /// <summary>Key of the album HTML page; null when not written.</summary>
    public string? HtmlKey { get; init; }

    /// <summary>The album's overall QC status; null when not written.</summary>
    public VerdictStatus? QcStatus { get; init; }

    /// <summary>The album report written (its verdicts become the job store's findings); null when not written.</summary>
    public AlbumReport? Album { get; init; }

    /// <summary>True when the album report was written.</summary>
    public bool Written => Status == AlbumAggregationStatus.Written;

    /// <summary>The QC status as the contracts spell it: <c>pass</c>, <c>warn</c> or <c>fail</c>; null when not written.</summary>
    public string? QcStatusName => QcStatus switch
    {
        VerdictStatus.Pass => "pass",
        VerdictStatus.Warn => "warn",
        VerdictStatus.Fail => "fail",
        _ => null,
    };
}
