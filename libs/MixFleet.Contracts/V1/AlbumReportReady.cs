namespace MixFleet.Contracts.V1;

/// <summary>Event: every track of a job's album has settled, and the album report was written.</summary>
public sealed record AlbumReportReady
{
    /// <summary>The job.</summary>
    public required Guid JobId { get; init; }

    /// <summary>Source bucket of the audio.</summary>
    public required string Bucket { get; init; }

    /// <summary>The album prefix.</summary>
    public required string AlbumKey { get; init; }

    /// <summary>Key of the album report JSON.</summary>
    public required string JsonKey { get; init; }

    /// <summary>Key of the album CSV.</summary>
    public required string CsvKey { get; init; }

    /// <summary>Key of the album HTML page.</summary>
    public required string HtmlKey { get; init; }

    /// <summary>Overall QC status: <c>pass</c>, <c>warn</c> or <c>fail</c>.</summary>
    public required string Status { get; init; }
}
