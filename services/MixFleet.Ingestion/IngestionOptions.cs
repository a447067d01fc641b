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
}
