using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MixFleet.Jobs.Store;

namespace MixFleet.Ingestion.Dashboard.Pages;

/// <summary>
/// <c>/dashboard/jobs/{id}/album?key=…</c>: one album of a job: its progress, its warn and fail verdicts (from the job
/// store) and its HTML report (read through the service, shown in a sandboxed frame).
/// </summary>
internal sealed class AlbumModel(JobQueries jobs, AlbumQueries albums) : PageModel
{
    /// <summary>The most verdicts one album page lists (a 99-track album failing every rule stays under it).</summary>
    public const int FindingLimit = 2_000;

    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    public JobSummary Job { get; private set; } = null!;

    public JobAlbum Album { get; private set; } = null!;

    public IReadOnlyList<JobFinding> Findings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(id, cancellationToken).ConfigureAwait(false);
        var album = job is null || Key is null ? null : await albums.GetAsync(id, Key, cancellationToken).ConfigureAwait(false);
        if (job is null || album is null)
        {
            return NotFound();
        }

        (Job, Album) = (job, album);
        Findings = await albums.ListAlbumFindingsAsync(id, album.AlbumKey, FindingLimit, cancellationToken).ConfigureAwait(false);
        return Page();
    }

    public bool Written => Album.Aggregation == "written" && !string.IsNullOrEmpty(Album.ReportKey);

    /// <summary>The report endpoint's address for <paramref name="format"/>.</summary>
    public string ReportLink(string format) => $"/dashboard/jobs/{Job.JobId:D}/report?album={Uri.EscapeDataString(Album.AlbumKey)}&format={format}";
}
