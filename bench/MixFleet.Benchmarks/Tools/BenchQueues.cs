using RabbitMQ.Client;

namespace MixFleet.Benchmarks.Tools;

/// <summary>The benchmarks' queues on the broker: their consumers and messages, deleting them afterwards.</summary>
internal static class BenchQueues
{
    /// <summary>Deletes each queue with its <c>_error</c> and <c>_skipped</c> queues and the exchanges of the same names.</summary>
    public static async Task DeleteAsync(Uri broker, IEnumerable<string> queues)
    {
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var name in queues.SelectMany(q => new[] { q, q + "_error", q + "_skipped" }))
        {
            await channel.QueueDeleteAsync(name, ifUnused: false, ifEmpty: false);
            await channel.ExchangeDeleteAsync(name, ifUnused: false);
        }
    }

    /// <summary>The consumers of <paramref name="queue"/>, 0 while it does not exist.</summary>
    public static async Task<uint> ConsumersAsync(IConnection connection, string queue)
    {
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).ConsumerCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;   // 404: not declared yet (the channel is closed by the broker)
        }
    }

    /// <summary>The messages waiting in <paramref name="queue"/>, which must exist.</summary>
    public static async Task<uint> MessagesAsync(Uri broker, string queue)
    {
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }

    /// <summary>The messages waiting in <paramref name="queue"/>; 0 when it does not exist.</summary>
    public static async Task<uint> MessagesIfAnyAsync(Uri broker, string queue)
    {
        try
        {
            return await MessagesAsync(broker, queue);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;   // 404: never declared, so nothing was ever dead-lettered there
        }
    }
}
