using MixFleet.Storage;

namespace MixFleet.Ingestion.Storage;

/// <summary>Resolves <see cref="IObjectStore"/> at start-up, so a missing registration stops the service at once.</summary>
internal sealed class ObjectStoreStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<IObjectStore>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
