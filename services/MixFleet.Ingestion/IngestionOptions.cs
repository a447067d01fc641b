using System.ComponentModel.DataAnnotations;

namespace MixFleet.Ingestion;

/// <summary>Settings of the ingestion API (section <c>MixFleet:Ingestion</c>).</summary>
public sealed class IngestionOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "MixFleet:Ingestion";

    /// <summary>The bearer token every <c>/v1</c> request must present (the S3/MinIO webhook and scan callers).</summary>
    [Required(ErrorMessage = "MixFleet:Ingestion:WebhookToken is required: the bearer token the S3/MinIO webhook and scan callers send.")]
    [MinLength(16, ErrorMessage = "MixFleet:Ingestion:WebhookToken must be at least 16 characters long.")]
    public string? WebhookToken { get; set; }

    /// <summary>QC profile of event-driven analyses and of scans that name none.</summary>
    [Required(ErrorMessage = "MixFleet:Ingestion:DefaultProfile is required.")]
    public string DefaultProfile { get; set; } = "streaming";

    /// <summary>
    /// The largest <c>/v1</c> request body accepted, in bytes (default 1 MiB: an S3 notification holds one record of
    /// about 1 KB, a scan request a few hundred bytes); a larger one answers 413 before it is read further.
    /// </summary>
    [Range(1_024, 104_857_600, ErrorMessage = "MixFleet:Ingestion:MaxRequestBodyBytes must be between 1024 and 104857600.")]
    public long MaxRequestBodyBytes { get; set; } = 1_048_576;
}
