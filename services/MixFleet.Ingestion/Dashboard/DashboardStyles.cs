namespace MixFleet.Ingestion.Dashboard;

/// <summary><c>/dashboard/dashboard.css</c>: the stylesheet, embedded in the assembly (no CDN, no external font).</summary>
internal static class DashboardStyles
{
    private static readonly Lazy<byte[]> _css = new(() =>
    {
        using var stream = typeof(DashboardStyles).Assembly.GetManifestResourceStream("MixFleet.Ingestion.Dashboard.dashboard.css")
            ?? throw new InvalidOperationException("The dashboard stylesheet is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static IResult Get(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Bytes(_css.Value, "text/css; charset=utf-8");
    }
}
