using MassTransit;
using Microsoft.Extensions.Options;
using MixFleet.Contracts;
using MixFleet.Contracts.V1;
using MixFleet.ServiceDefaults.Messaging;

namespace MixFleet.Jobs.Messaging;

/// <summary>
/// Sends the fleet's commands to their queues by address (<c>queue:&lt;prefix&gt;&lt;name&gt;</c>). MassTransit declares
/// the durable queue on first send, so a command sent before any worker has ever started waits in its queue instead of
/// being dropped by an exchange with nothing bound; each send completes when the broker confirms it.
/// </summary>
public sealed class FleetCommands(IBus bus, IOptions<RabbitMqOptions> rabbit)
{
    /// <summary>Sends the commands (concurrently) and returns when the broker has confirmed every one.</summary>
    public Task SendAsync(IReadOnlyCollection<AnalyzeTrack> commands, CancellationToken cancellationToken) =>
        SendAllAsync(QueueNames.AnalyzeTrack, commands, cancellationToken);

    /// <summary>Sends <c>AggregateAlbum</c> commands.</summary>
    public Task SendAsync(IReadOnlyCollection<AggregateAlbum> commands, CancellationToken cancellationToken) =>
        SendAllAsync(QueueNames.AlbumAggregation, commands, cancellationToken);

    /// <summary>Sends one <c>ScanPrefix</c> command.</summary>
    public Task SendAsync(ScanPrefix command, CancellationToken cancellationToken) =>
        SendAllAsync(QueueNames.ScanPrefix, [command], cancellationToken);

    private async Task SendAllAsync<T>(string queue, IReadOnlyCollection<T> commands, CancellationToken cancellationToken)
        where T : class
    {
        if (commands.Count == 0)
        {
            return;
        }

        var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{rabbit.Value.QueueName(queue)}")).ConfigureAwait(false);
        await Task.WhenAll(commands.Select(c => endpoint.Send(c, cancellationToken))).ConfigureAwait(false);
    }
}
