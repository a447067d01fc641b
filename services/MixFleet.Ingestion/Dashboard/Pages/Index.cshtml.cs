using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MixFleet.Contracts;
using MixFleet.Ingestion.Jobs;
using MixFleet.Jobs.Store;

namespace MixFleet.Ingestion.Dashboard.Pages;

/// <summary><c>/dashboard</c>: jobs newest first (one keyset page), filtered by state, profile and prefix.</summary>
internal sealed class IndexModel(JobQueries jobs, IOptions<DashboardOptions> options, TimeProvider time) : PageModel
{
    public static readonly string[] States = ["listing", "running", "completed"];

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Profile { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Prefix { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public IReadOnlyList<JobSummary> Jobs { get; private set; } = [];

    public string? Next { get; private set; }

    public string? Error { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public static IEnumerable<string> Profiles => QcProfileNames.All.Order(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        State = string.IsNullOrEmpty(State) ? null : State;
        Profile = string.IsNullOrEmpty(Profile) ? null : Profile;
        if (State is not null && !States.Contains(State, StringComparer.Ordinal) || Profile is not null && !QcProfileNames.IsKnown(Profile))
        {
            Error = "Unknown state or profile: showing every job.";
            State = Profile = null;
        }

        (DateTimeOffset, Guid)? after = null;
        if (After is not null)
        {
            if (JobCursor.TryDecode(After, out var position))
            {
                after = position;
            }
            else
            {
                Error = "That page link is not valid any more: showing the newest jobs.";
            }
        }

        var size = options.Value.PageSize;
        var page = await jobs.ListAsync(new JobListFilter(State, Profile, Prefix), after, size + 1, cancellationToken).ConfigureAwait(false);
        Jobs = page.Take(size).ToList();
        Next = page.Count > size ? JobCursor.Encode(Jobs[^1].CreatedAt, Jobs[^1].JobId) : null;
        return Page();
    }
}
