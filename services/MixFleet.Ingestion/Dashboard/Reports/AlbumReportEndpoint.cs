using Microsoft.Extensions.Options;
using MixFleet.Contracts.Keys;
using MixFleet.Jobs.Store;
using MixFleet.Storage;

namespace MixFleet.Ingestion.Dashboard.Reports;

/// <summary>
/// <c>GET /dashboard/jobs/{id}/report?album=KEY[&amp;format=html|json|csv]</c>: an album report of the job, read from the
/// reports bucket with the service's own S3 credentials (the bucket stays private). Only albums of the job whose report
/// is written are served, so the query cannot name any other object. The HTML is generated from tags in the audio
/// files, so it is served sandboxed: no script, no network, no form, framed only by the dashboard's album page.
/// </summary>
internal static class AlbumReportEndpoint
{
    /// <summary>The report's policy: inline styles and SVG only; <c>sandbox</c> gives it an opaque origin.</summary>
    public const string ReportPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

    public static async Task<IResult> GetAsync(
        Guid id, string? album, string? format, HttpContext context, AlbumQueries albums, IObjectStore store, IOptions<ReportsOptions> reports, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var kind = format ?? "html";
        if (album is null || kind is not ("html" or "json" or "csv"))
        {
            return Results.Problem("'album' is required and 'format' must be html, json or csv.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid query");
        }

        var row = await albums.GetAsync(id, album, cancellationToken).ConfigureAwait(false);
        if (row is null || row.Aggregation != "written" || string.IsNullOrEmpty(row.ReportKey))
        {
            return Results.Problem($"Job {id:D} has no written report for album '{album}'.", statusCode: StatusCodes.Status404NotFound, title: "No album report");
        }

        var (key, contentType) = kind switch
        {
            "json" => (AlbumReportKeys.Json(row.Bucket, row.AlbumKey), "application/json"),
            "csv" => (AlbumReportKeys.Csv(row.Bucket, row.AlbumKey), "text/csv; charset=utf-8"),
            _ => (AlbumReportKeys.Html(row.Bucket, row.AlbumKey), "text/html; charset=utf-8"),
        };
        Stream content;
        try
        {
            content = await store.OpenReadAsync(reports.Value.Bucket, key, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectNotFoundException)
        {
            return Results.Problem($"The album report '{key}' is not in the reports bucket.", statusCode: StatusCodes.Status404NotFound, title: "No album report");
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ReportPolicy;
        headers.XFrameOptions = "SAMEORIGIN";
        if (kind != "html")
        {
            return Results.Stream(content, contentType, fileDownloadName: "album." + kind);
        }

        return Results.Stream(content, contentType);
    }
}
