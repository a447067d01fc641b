using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace MixFleet.Integration.Tests.Support;

/// <summary>What the broker holds: the messages ready in a queue (what a killed consumer's unacknowledged deliveries become).</summary>
internal static class BrokerQueues
{
    /// <summary>Messages ready in <paramref name="queue"/>; 0 when the queue does not exist.</summary>
    public static async Task<uint> ReadyAsync(string queue)
    {
        var factory = new ConnectionFactory { Uri = RealParts.Broker() };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }
}
