using MixFleet.Jobs.Store;

namespace MixFleet.Ingestion.Dashboard.Live;

/// <summary>A job's progress as the pages show it.</summary>
internal static class Progress
{
    /// <summary>Settled tracks (analyzed, failed, stranded) of those found, 0–100; 100 only once completed.</summary>
    public static int Percent(JobSummary job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.State == "completed")
        {
            return 100;
        }

        if (job.Total == 0)
        {
            return 0;
        }

        // Album reports still to write keep a job whose tracks all settled below 100.
        var settled = job.Analyzed + job.Failed + job.FailedTransient;
        return Math.Min(99, (int)(100L * settled / job.Total));
    }

    /// <summary>How long the job ran (to now while it runs).</summary>
    public static TimeSpan Duration(JobSummary job, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        var end = job.CompletedAt ?? now;
        return end > job.CreatedAt ? end - job.CreatedAt : TimeSpan.Zero;
    }

    /// <summary><c>42 s</c>, <c>3 min 05 s</c>, <c>2 h 07 min</c>.</summary>
    public static string Format(TimeSpan duration) => duration.TotalSeconds < 60
        ? $"{(int)duration.TotalSeconds} s"
        : duration.TotalHours < 1 ? $"{(int)duration.TotalMinutes} min {duration.Seconds:00} s" : $"{(int)duration.TotalHours} h {duration.Minutes:00} min";
}
