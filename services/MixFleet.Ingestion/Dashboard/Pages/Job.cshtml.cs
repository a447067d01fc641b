using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MixFleet.Jobs.Store;

namespace MixFleet.Ingestion.Dashboard.Pages;

/// <summary>
/// <c>/dashboard/jobs/{id}</c>: the job's counters (live while it runs), its albums with their QC status and its warn
/// and fail verdicts, each list one keyset page, filtered by "failing only" and an album prefix.
/// </summary>
internal sealed class JobModel(JobQueries jobs, AlbumQueries albums, IOptions<DashboardOptions> options, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Failing { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Album { get; set; }

    /// <summary>The last album of the previous album page.</summary>
    [BindProperty(SupportsGet = true)]
    public string? AlbumsAfter { get; set; }

    /// <summary>The last finding of the previous finding page (<see cref="FindingCursors"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? FindingsAfter { get; set; }

    public JobSummary Job { get; private set; } = null!;

    public IReadOnlyDictionary<string, int> AlbumCounts { get; private set; } = new Dictionary<string, int>();

    public IReadOnlyList<JobAlbum> Albums { get; private set; } = [];

    public IReadOnlyList<JobFinding> Findings { get; private set; } = [];

    public string? NextAlbums { get; private set; }

    public FindingCursor? NextFindings { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        var job = await jobs.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            return NotFound();
        }

        Job = job;
        var filter = new DashboardFilter(Failing, string.IsNullOrEmpty(Album) ? null : Album);
        var size = options.Value.PageSize;
        AlbumCounts = await albums.CountByStatusAsync(id, cancellationToken).ConfigureAwait(false);
        var albumPage = await albums.ListAsync(id, filter, AlbumsAfter, size + 1, cancellationToken).ConfigureAwait(false);
        Albums = albumPage.Take(size).ToList();
        NextAlbums = albumPage.Count > size ? Albums[^1].AlbumKey : null;
        if (!FindingCursors.TryDecode(FindingsAfter, out var after))
        {
            return BadRequest();
        }

        var findingPage = await albums.ListFindingsAsync(id, filter, after, size + 1, cancellationToken).ConfigureAwait(false);
        Findings = findingPage.Take(size).ToList();
        NextFindings = findingPage.Count > size ? new FindingCursor(Findings[^1].AlbumKey, Findings[^1].Finding.TrackKey, Findings[^1].Finding.Rule) : null;
        return Page();
    }

    /// <summary>This page's address with the current filters and the given cursors.</summary>
    public string Link(string? albumsAfter = null, FindingCursor? findingsAfter = null)
    {
        var query = new QueryBuilder();
        if (Failing)
        {
            query.Add("failing", "true");
        }

        if (!string.IsNullOrEmpty(Album))
        {
            query.Add("album", Album);
        }

        if (albumsAfter is not null)
        {
            query.Add("albumsAfter", albumsAfter);
        }

        if (findingsAfter is not null)
        {
            query.Add("findingsAfter", FindingCursors.Encode(findingsAfter));
        }

        return $"/dashboard/jobs/{Job.JobId:D}{query.ToQueryString()}";
    }

    /// <summary>The album page's address.</summary>
    public string AlbumLink(string albumKey) => $"/dashboard/jobs/{Job.JobId:D}/album?key={Uri.EscapeDataString(albumKey)}";

    public int Count(string status) => AlbumCounts.GetValueOrDefault(status);
}
