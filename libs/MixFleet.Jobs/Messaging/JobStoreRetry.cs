using MassTransit;
using Npgsql;

namespace MixFleet.Jobs.Messaging;

/// <summary>The retry of consumers that write the job store: database faults (deadlocks included) with a growing delay.</summary>
internal static class JobStoreRetry
{
    public static void UseJobStoreRetry(this IReceiveEndpointConfigurator endpointConfigurator) =>
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Exponential(10, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500));
            retry.Handle<NpgsqlException>();
            retry.Handle<TimeoutException>();
        });
}
