namespace MixFleet.Fleet.Tests.Support;

/// <summary>
/// The job store for worker hosts that are only built, never started. Hosts that start get a database of their own from
/// <see cref="MixFleet.Testing.TestDatabase"/>.
/// </summary>
internal static class JobStoreDatabase
{
    /// <summary>A connection string that is never used: enough for hosts that are only built, never started.</summary>
    public const string Unused = "Host=127.0.0.1;Database=x;Username=u;Password=p";
}
