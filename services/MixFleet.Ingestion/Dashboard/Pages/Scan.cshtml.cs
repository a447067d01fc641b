using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MixFleet.Contracts;
using MixFleet.Ingestion.Scans;
using MixFleet.Storage;

namespace MixFleet.Ingestion.Dashboard.Pages;

/// <summary>
/// <c>/dashboard/scan</c>: starts a scan of a bucket prefix with a profile, as <c>POST /v1/scans</c> does (the same
/// <see cref="ScanService"/> and checks), behind antiforgery; then shows the new job.
/// </summary>
internal sealed class ScanModel(ScanService scans, IOptions<IngestionOptions> options) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the bucket to scan.")]
    public string? Bucket { get; set; }

    [BindProperty]
    public string? Prefix { get; set; }

    [BindProperty]
    public string? Profile { get; set; }

    public string? Error { get; private set; }

    public static IEnumerable<string> Profiles => QcProfileNames.All.Order(StringComparer.Ordinal);

    public void OnGet() => Profile ??= options.Value.DefaultProfile;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var request = new ScanRequest(Bucket!.Trim(), Prefix ?? "", string.IsNullOrEmpty(Profile) ? null : Profile);
        if (scans.Validate(request) is { } invalid)
        {
            Error = invalid;
            return Page();
        }

        try
        {
            var jobId = await scans.StartAsync(request, cancellationToken).ConfigureAwait(false);
            return Redirect($"/dashboard/jobs/{jobId:D}");
        }
        catch (BucketNotFoundException ex)
        {
            Error = ex.Message;
            return Page();
        }
    }
}
