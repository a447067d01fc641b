namespace MixFleet.Fleet.Tests.Support;

/// <summary>
/// The job store's PostgreSQL for tests that start a worker host: <c>AddTrackAnalysis</c> registers the job store, whose
/// schema is migrated when the host starts. MIXFLEET_POSTGRES names it (an Npgsql connection string; scripts/test.sh
/// starts a throw-away cluster on loopback and sets it).
/// </summary>
internal static class JobStoreDatabase
{
    public const string Variable = "MIXFLEET_POSTGRES";

    /// <summary>A connection string that is never used: enough for hosts that are only built, never started.</summary>
    public const string Unused = "Host=127.0.0.1;Database=x;Username=u;Password=p";

    public static string ConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            Assert.Fail($"{Variable} must name the PostgreSQL database of the job store for the worker tests, e.g. "
                + "Host=127.0.0.1;Port=5432;Username=mixfleet;Password=…;Database=postgres (scripts/test.sh starts a throw-away cluster on loopback and sets it). Got: nothing");
        }

        return value!;
    }
}
